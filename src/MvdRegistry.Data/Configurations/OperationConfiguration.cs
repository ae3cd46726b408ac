using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;

namespace MvdRegistry.Data.Configurations;

internal sealed class OperationConfiguration : IEntityTypeConfiguration<Operation>
{
    public void Configure(EntityTypeBuilder<Operation> builder)
    {
        DictionaryColumns.Map(builder, Forms.Case, "operations");
        builder.HasKey(o => o.CaseId);
        builder.Property(o => o.SurgeonCode).IsRequired();
        builder.HasOne(o => o.Patient).WithMany(p => p.Operations).HasForeignKey(o => o.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Surgeon>().WithMany().HasForeignKey(o => o.SurgeonCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => o.SurgeryDate);
    }
}
