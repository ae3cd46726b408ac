using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;

namespace MvdRegistry.Data.Auditing;

/// <summary>
/// Writes the audit trail in the same SaveChanges (so the same transaction) as the change itself,
/// stamps times, bumps each updated row's concurrency version (clinical rows and the other IVersioned rows), and refuses any change to audit rows.
/// One instance serves every context: the user is the context's own (<see cref="RegistryDbContext.AuditUser"/>, set
/// by the scope that leased it), or, for a context built by hand, <paramref name="fixedUser"/>; with neither, a
/// change is refused rather than audited under nobody's name.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock, ICurrentUser? fixedUser = null) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is RegistryDbContext context) Audit(context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is RegistryDbContext context) Audit(context);
        return ValueTask.FromResult(result);
    }

    private void Audit(RegistryDbContext context)
    {
        // One pass of change detection over every tracked entity; with automatic detection on, each
        // Entries() below would make its own pass (an API save tracks the operation's whole graph).
        var tracker = context.ChangeTracker;
        tracker.DetectChanges();
        var autoDetect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            AuditDetected(context);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private void AuditDetected(RegistryDbContext context)
    {
        if (context.ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("The audit trail is append-only: audit rows cannot be changed or deleted.");

        var now = clock.GetUtcNow().UtcDateTime;
        var user = context.AuditUser ?? fixedUser;
        foreach (var entry in context.ChangeTracker.Entries<IVersioned>().Where(e => e.Entity is not RegistryRecord))
        {
            if (entry.State == EntityState.Added) entry.Property(v => v.Version).CurrentValue = 1;
            else if (entry.State == EntityState.Modified) entry.Property(v => v.Version).CurrentValue = entry.Property(v => v.Version).OriginalValue + 1;
        }
        var rows = new List<AuditEntry>();
        string Name() => (user ?? throw new InvalidOperationException("No acting user for this context's audit rows.")).AuditName;
        foreach (var entry in context.ChangeTracker.Entries<RegistryRecord>().ToList())
        {
            var record = entry.Entity;
            // Values are set through the entry: with automatic change detection off (the import) a
            // plain property assignment here would not be saved.
            switch (entry.State)
            {
                case EntityState.Added:
                    entry.Property(r => r.CreatedAt).CurrentValue = now;
                    entry.Property(r => r.UpdatedAt).CurrentValue = now;
                    entry.Property(r => r.Version).CurrentValue = 1;
                    rows.Add(AuditRows.Insert(record, Name(), now, context.AuditReason));
                    break;
                case EntityState.Modified:
                    var changed = ChangedFields(entry).ToList();
                    if (changed.Count == 0)
                    {
                        entry.State = EntityState.Unchanged;
                        break;
                    }
                    entry.Property(r => r.UpdatedAt).CurrentValue = now;
                    entry.Property(r => r.Version).CurrentValue = entry.Property(r => r.Version).OriginalValue + 1;
                    rows.AddRange(changed.Select(c => AuditRows.Row(record, AuditAction.Update, Name(), now, context.AuditReason, c.Field, c.Old, c.New)));
                    break;
                case EntityState.Deleted:
                    rows.Add(AuditRows.Delete(record, Name(), now, context.AuditReason));
                    break;
            }
        }
        context.AuditLog.AddRange(rows);
    }

    private static IEnumerable<(string Field, string? Old, string? New)> ChangedFields(EntityEntry<RegistryRecord> entry)
    {
        foreach (var variable in DataDictionary.Instance.Form(FieldAccess.FormOf(entry.Entity)))
        {
            var property = entry.Property(variable.PropertyName);
            var before = RecordCodec.Format(property.OriginalValue);
            var after = RecordCodec.Format(property.CurrentValue);
            if (before != after) yield return (variable.Name, NullIfEmpty(before), NullIfEmpty(after));
        }
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
