using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MvdRegistry.Core.Model;

namespace MvdRegistry.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_log");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasColumnName("id");
        builder.Property(a => a.At).HasColumnName("at");
        builder.Property(a => a.User).HasColumnName("user_name").HasMaxLength(200);
        builder.Property(a => a.Entity).HasColumnName("entity").HasMaxLength(40);
        builder.Property(a => a.Key).HasColumnName("record_key").HasMaxLength(64);
        builder.Property(a => a.Action).HasColumnName("action");
        builder.Property(a => a.Field).HasColumnName("field").HasMaxLength(64);
        builder.Property(a => a.OldValue).HasColumnName("old_value");
        builder.Property(a => a.NewValue).HasColumnName("new_value");
        builder.Property(a => a.Reason).HasColumnName("reason").HasMaxLength(1000);
        builder.HasIndex(a => new { a.Entity, a.Key });
        // The delete rows only (few): how a case page finds the records deleted from beneath its operation.
        builder.HasIndex(a => new { a.Entity, a.Key }, "IX_audit_log_deletes").HasFilter("action = 3");
        // A user's latest rows (their home page's recent entries), found without scanning the whole trail.
        builder.HasIndex(a => new { a.User, a.Id });
    }
}
