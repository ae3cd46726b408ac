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
        // The de-identified export reads each operation's complications together, in key order (DeidentifiedQuery, for
        // AnalysisSpill's merge): this index gives that order without a sort. It serves the foreign key as well.
        builder.HasIndex(r => new { r.CaseId, r.ComplicationId });
    }
}
