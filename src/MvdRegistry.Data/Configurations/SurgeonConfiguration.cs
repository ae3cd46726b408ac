using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MvdRegistry.Core.Model;

namespace MvdRegistry.Data.Configurations;

internal sealed class SurgeonConfiguration : IEntityTypeConfiguration<Surgeon>
{
    public void Configure(EntityTypeBuilder<Surgeon> builder)
    {
        builder.ToTable("surgeons");
        builder.HasKey(s => s.Code);
        builder.Property(s => s.Version).HasColumnName("row_version").IsConcurrencyToken();
        builder.Property(s => s.Code).HasColumnName("code").HasMaxLength(200);
        builder.Property(s => s.UserName).HasColumnName("user_name").HasMaxLength(200);
    }
}
