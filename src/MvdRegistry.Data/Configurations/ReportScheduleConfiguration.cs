using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MvdRegistry.Core.Model;

namespace MvdRegistry.Data.Configurations;

internal sealed class ReportScheduleConfiguration : IEntityTypeConfiguration<ReportSchedule>
{
    public void Configure(EntityTypeBuilder<ReportSchedule> builder)
    {
        builder.ToTable("report_schedules");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasColumnName("id");
        builder.Property(s => s.Version).HasColumnName("row_version").IsConcurrencyToken();
        builder.Property(s => s.Name).HasColumnName("name").HasMaxLength(200);
        builder.Property(s => s.ReportKind).HasColumnName("report_kind").HasMaxLength(40);
        builder.Property(s => s.Indication).HasColumnName("indication").HasMaxLength(10);
        builder.Property(s => s.Sites).HasColumnName("sites").HasMaxLength(1000);
        builder.Property(s => s.SurgeryFrom).HasColumnName("surgery_from");
        builder.Property(s => s.SurgeryTo).HasColumnName("surgery_to");
        builder.Property(s => s.Cron).HasColumnName("cron").HasMaxLength(100);
        builder.Property(s => s.TimeZone).HasColumnName("time_zone").HasMaxLength(100);
        builder.Property(s => s.RunsToKeep).HasColumnName("runs_to_keep");
        builder.Property(s => s.Paused).HasColumnName("paused");
        builder.Property(s => s.CreatedBy).HasColumnName("created_by").HasMaxLength(200);
        builder.Property(s => s.CreatedAt).HasColumnName("created_at");
        builder.HasIndex(s => s.Name).IsUnique();
    }
}
