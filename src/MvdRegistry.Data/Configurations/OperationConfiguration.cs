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
        // The case list (/Cases): its page walks this index in the list's order (latest surgery first),
        // checking each operation's site through patient_id, without reading the table or sorting.
        builder.HasIndex(o => new { o.SurgeryDate, o.CaseId, o.PatientId }).IsDescending(true, false, false);
        // Its count and its surgeon choices, per patient of the granted sites, read from the index alone
        // for every filter of the list (it serves the foreign key to patients as well).
        builder.HasIndex(o => new { o.PatientId, o.SurgeonCode, o.Indication, o.SurgeryDate, o.CaseId }, "IX_operations_patient_id_case_list");
    }
}
