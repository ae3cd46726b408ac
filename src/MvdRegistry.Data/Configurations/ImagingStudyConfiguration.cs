using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;

namespace MvdRegistry.Data.Configurations;

internal sealed class ImagingStudyConfiguration : IEntityTypeConfiguration<ImagingStudy>
{
    public void Configure(EntityTypeBuilder<ImagingStudy> builder)
    {
        DictionaryColumns.Map(builder, Forms.Imaging, "imaging_studies");
        builder.HasKey(r => r.ImagingId);
        builder.HasOne(r => r.Operation).WithMany(o => o.Imaging).HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        // The de-identified export reads each operation's imaging studies together, in key order (DeidentifiedQuery, for
        // AnalysisSpill's merge): this index gives that order without a sort. It serves the foreign key as well.
        builder.HasIndex(r => new { r.CaseId, r.ImagingId });
    }
}
