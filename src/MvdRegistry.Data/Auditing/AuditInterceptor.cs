using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;

namespace MvdRegistry.Data.Auditing;

/// <summary>
/// Writes the audit trail in the same SaveChanges (so the same transaction) as the change itself,
/// stamps times, bumps each updated row's concurrency version, and refuses any change to audit rows.
/// </summary>
public sealed class AuditInterceptor(ICurrentUser user, TimeProvider clock) : SaveChangesInterceptor
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
        context.ChangeTracker.DetectChanges();
        if (context.ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("The audit trail is append-only: audit rows cannot be changed or deleted.");

        var now = clock.GetUtcNow().UtcDateTime;
        var rows = new List<AuditEntry>();
        foreach (var entry in context.ChangeTracker.Entries<RegistryRecord>().ToList())
        {
            var record = entry.Entity;
            var form = FieldAccess.FormOf(record);
            var key = FieldAccess.Key(record);
            AuditEntry Row(AuditAction action, string? field, string? oldValue, string? newValue) => new()
            {
                At = now, User = user.Name, Entity = form, Key = key, Action = action,
                Field = field, OldValue = oldValue, NewValue = newValue, Reason = context.AuditReason,
            };
            switch (entry.State)
            {
                case EntityState.Added:
                    entry.Property(r => r.CreatedAt).CurrentValue = now;
                    entry.Property(r => r.UpdatedAt).CurrentValue = now;
                    entry.Property(r => r.Version).CurrentValue = 1;
                    rows.Add(Row(AuditAction.Insert, null, null, Snapshot(record)));
                    break;
                case EntityState.Modified:
                    var changed = ChangedFields(entry, form).ToList();
                    if (changed.Count == 0)
                    {
                        entry.State = EntityState.Unchanged;
                        break;
                    }
                    // Set through the entry: with automatic change detection off (the import) a plain
                    // property assignment here would not be saved.
                    entry.Property(r => r.UpdatedAt).CurrentValue = now;
                    entry.Property(r => r.Version).CurrentValue = entry.Property(r => r.Version).OriginalValue + 1;
                    rows.AddRange(changed.Select(c => Row(AuditAction.Update, c.Field, c.Old, c.New)));
                    break;
                case EntityState.Deleted:
                    rows.Add(Row(AuditAction.Delete, null, Snapshot(record), null));
                    break;
            }
        }
        context.AuditLog.AddRange(rows);
    }

    private static IEnumerable<(string Field, string? Old, string? New)> ChangedFields(EntityEntry<RegistryRecord> entry, string form)
    {
        foreach (var variable in DataDictionary.Instance.Form(form))
        {
            var property = entry.Property(variable.PropertyName);
            var before = RecordCodec.Format(property.OriginalValue);
            var after = RecordCodec.Format(property.CurrentValue);
            if (before != after) yield return (variable.Name, NullIfEmpty(before), NullIfEmpty(after));
        }
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    /// <summary>Every recorded value of a new or deleted record, as one JSON object keyed by variable.</summary>
    private static string Snapshot(RegistryRecord record) =>
        JsonSerializer.Serialize(DataDictionary.Instance.Form(FieldAccess.FormOf(record))
            .Select(v => (v.Name, Value: RecordCodec.Format(FieldAccess.Get(record, v))))
            .Where(p => p.Value.Length > 0)
            .ToDictionary(p => p.Name, p => p.Value));
}
