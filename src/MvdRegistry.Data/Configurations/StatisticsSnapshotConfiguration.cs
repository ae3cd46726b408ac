using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MvdRegistry.Core.Model;

namespace MvdRegistry.Data.Configurations;

internal sealed class StatisticsSnapshotConfiguration : IEntityTypeConfiguration<StatisticsSnapshot>
{
    public void Configure(EntityTypeBuilder<StatisticsSnapshot> builder)
    {
        builder.ToTable("statistics_snapshots");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasColumnName("id");
        builder.Property(s => s.FilterKey).HasColumnName("filter_key").HasMaxLength(400);
        builder.Property(s => s.AsOf).HasColumnName("as_of");
        builder.Property(s => s.ComputedAt).HasColumnName("computed_at");
        builder.Property(s => s.ComputedBy).HasColumnName("computed_by").HasMaxLength(200);
        builder.Property(s => s.RunId).HasColumnName("run_id");
        builder.Property(s => s.Fingerprint).HasColumnName("fingerprint").HasMaxLength(200);
        builder.Property(s => s.Json).HasColumnName("json");
        builder.Property(s => s.MissingJson).HasColumnName("missing_json");
        builder.HasIndex(s => new { s.FilterKey, s.Fingerprint });
        builder.HasIndex(s => new { s.FilterKey, s.ComputedAt });
    }
}
