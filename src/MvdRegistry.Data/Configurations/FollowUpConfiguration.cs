using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;

namespace MvdRegistry.Data.Configurations;

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> builder)
    {
        DictionaryColumns.Map(builder, Forms.FollowUp, "followups");
        builder.HasKey(r => r.FollowupId);
        builder.HasOne(r => r.Operation).WithMany(o => o.FollowUps).HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        // The de-identified export reads each operation's follow-ups together, in key order (DeidentifiedQuery, for
        // AnalysisSpill's merge): this index gives that order without a sort. It serves the foreign key as well.
        builder.HasIndex(r => new { r.CaseId, r.FollowupId });
    }
}
