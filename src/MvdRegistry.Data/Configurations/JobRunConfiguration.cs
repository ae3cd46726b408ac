using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MvdRegistry.Core.Model;

namespace MvdRegistry.Data.Configurations;

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.ToTable("job_runs");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id");
        builder.Property(r => r.Version).HasColumnName("row_version").IsConcurrencyToken();
        builder.Property(r => r.Kind).HasColumnName("kind").HasMaxLength(40);
        builder.Property(r => r.Parameters).HasColumnName("parameters").HasMaxLength(4000);
        builder.Property(r => r.RequestedBy).HasColumnName("requested_by").HasMaxLength(200);
        builder.Property(r => r.Status).HasColumnName("status").HasMaxLength(20);
        builder.Property(r => r.ProgressPercent).HasColumnName("progress_percent");
        builder.Property(r => r.ProgressText).HasColumnName("progress_text").HasMaxLength(400);
        builder.Property(r => r.QueuedAt).HasColumnName("queued_at");
        builder.Property(r => r.StartedAt).HasColumnName("started_at");
        builder.Property(r => r.FinishedAt).HasColumnName("finished_at");
        builder.Property(r => r.Rows).HasColumnName("rows");
        builder.Property(r => r.Output).HasColumnName("output").HasMaxLength(1000);
        builder.Property(r => r.Error).HasColumnName("error").HasMaxLength(4000);
        builder.Property(r => r.HangfireJobId).HasColumnName("hangfire_job_id").HasMaxLength(100);
        builder.Ignore(r => r.IsFinished);
        builder.HasIndex(r => new { r.RequestedBy, r.QueuedAt });
        builder.HasIndex(r => r.Status);
    }
}
