using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MvdRegistry.Core.Model;

namespace MvdRegistry.Data.Configurations;

internal sealed class OverdueOperationConfiguration : IEntityTypeConfiguration<OverdueOperation>
{
    public void Configure(EntityTypeBuilder<OverdueOperation> builder)
    {
        builder.ToTable("overdue_follow_ups");
        builder.HasKey(r => r.CaseId);
        builder.Property(r => r.CaseId).HasColumnName("case_id").HasMaxLength(64);
        builder.HasOne(r => r.Operation).WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.SiteCode).HasColumnName("site_code").HasMaxLength(200);
        builder.Property(r => r.PatientId).HasColumnName("patient_id").HasMaxLength(64);
        builder.Property(r => r.SurgeonCode).HasColumnName("surgeon_code").HasMaxLength(200);
        builder.Property(r => r.SurgeryDate).HasColumnName("surgery_date");
        builder.Property(r => r.FirstMissedDay).HasColumnName("first_missed_day");
        builder.Property(r => r.LatestMissedDay).HasColumnName("latest_missed_day");
        builder.Property(r => r.LatestMissedDate).HasColumnName("latest_missed_date");
        builder.Property(r => r.LastSeen).HasColumnName("last_seen");
        builder.Property(r => r.SeenAtVisit).HasColumnName("seen_at_visit");
        builder.Property(r => r.AsOf).HasColumnName("as_of");
        builder.Property(r => r.ComputedAt).HasColumnName("computed_at");
        builder.HasIndex(r => new { r.SiteCode, r.LatestMissedDate });
        builder.HasIndex(r => new { r.SurgeonCode, r.LatestMissedDate });
        // The case list's overdue filter walks a site's rows in the list's order (surgery date, latest first).
        builder.HasIndex(r => new { r.SiteCode, r.SurgeryDate, r.CaseId }).IsDescending(false, true, false);
    }
}
