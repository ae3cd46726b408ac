using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MvdRegistry.Core.Model;

namespace MvdRegistry.Data.Configurations;

internal sealed class UserAccountConfiguration : IEntityTypeConfiguration<UserAccount>
{
    public void Configure(EntityTypeBuilder<UserAccount> builder)
    {
        builder.ToTable("user_accounts");
        builder.HasKey(u => u.UserName);
        builder.Property(u => u.Version).HasColumnName("row_version").IsConcurrencyToken();
        builder.Property(u => u.UserName).HasColumnName("user_name").HasMaxLength(200);
        builder.Property(u => u.DisplayName).HasColumnName("display_name").HasMaxLength(200);
        builder.Property(u => u.Roles).HasColumnName("roles").HasMaxLength(200);
        builder.Property(u => u.SurgeonCode).HasColumnName("surgeon_code").HasMaxLength(200);
        builder.Ignore(u => u.RoleList);
        builder.HasMany(u => u.Sites).WithOne().HasForeignKey(s => s.UserName).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UserSiteConfiguration : IEntityTypeConfiguration<UserSite>
{
    public void Configure(EntityTypeBuilder<UserSite> builder)
    {
        builder.ToTable("user_sites");
        builder.HasKey(s => new { s.UserName, s.SiteCode });
        builder.Property(s => s.UserName).HasColumnName("user_name").HasMaxLength(200);
        builder.Property(s => s.SiteCode).HasColumnName("site_code").HasMaxLength(200);
        builder.HasOne<Site>().WithMany().HasForeignKey(s => s.SiteCode).OnDelete(DeleteBehavior.Cascade);
    }
}
