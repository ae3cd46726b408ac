using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MvdRegistry.Core.Model;

namespace MvdRegistry.Data.Configurations;

internal sealed class OverdueSiteListConfiguration : IEntityTypeConfiguration<OverdueSiteList>
{
    public void Configure(EntityTypeBuilder<OverdueSiteList> builder)
    {
        builder.ToTable("overdue_lists");
        builder.HasKey(l => l.SiteCode);
        builder.Property(l => l.SiteCode).HasColumnName("site_code").HasMaxLength(200);
        builder.HasOne<Site>().WithMany().HasForeignKey(l => l.SiteCode).OnDelete(DeleteBehavior.Cascade);
        builder.Property(l => l.AsOf).HasColumnName("as_of");
        builder.Property(l => l.ComputedAt).HasColumnName("computed_at");
        builder.Property(l => l.ComputedBy).HasColumnName("computed_by").HasMaxLength(200);
        builder.Property(l => l.RunId).HasColumnName("run_id");
        builder.Property(l => l.UpdatedAt).HasColumnName("updated_at");
    }
}
