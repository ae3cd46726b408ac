using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MvdRegistry.Core.Model;

namespace MvdRegistry.Data.Configurations;

internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> builder)
    {
        builder.ToTable("sites");
        builder.HasKey(s => s.Code);
        builder.Property(s => s.Version).HasColumnName("row_version").IsConcurrencyToken();
        builder.Property(s => s.Code).HasColumnName("code").HasMaxLength(200);
        builder.Property(s => s.Name).HasColumnName("name").HasMaxLength(200);
    }
}
