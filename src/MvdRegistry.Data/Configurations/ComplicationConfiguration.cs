using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;

namespace MvdRegistry.Data.Configurations;

internal sealed class ComplicationConfiguration : IEntityTypeConfiguration<Complication>
{
    public void Configure(EntityTypeBuilder<Complication> builder)
    {
        DictionaryColumns.Map(builder, Forms.Complication, "complications");
        builder.HasKey(r => r.ComplicationId);
        builder.HasOne(r => r.Operation).WithMany(o => o.Complications).HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
