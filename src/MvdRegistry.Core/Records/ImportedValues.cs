using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;

namespace MvdRegistry.Core.Records;

/// <summary>
/// How an imported record is read back from the audit trail. A bundle import writes one audit row for
/// the whole import (<see cref="AuditAction.Import"/>: who, when, the folder, each file's SHA-256 and
/// counts), not one per record. A record it inserted has no insert row of its own; its
/// <c>created_at</c> is the import's instant, which is the import row's key (<see cref="KeyOf"/>).
/// Its imported values are its values now with every later change undone: each change is audited as
/// one update row per field holding the old value, so a field's earliest update row holds the value
/// the import wrote, and a field never updated still holds it.
/// </summary>
public static class ImportedValues
{
    /// <summary>The entity of an import's audit row.</summary>
    public const string Entity = "import";

    /// <summary>
    /// The name under which a delete row holds the record's created_at (<see cref="KeyOf"/>'s form), beside its
    /// values: no variable of the dictionary has that name. Left out of <see cref="Recover"/>'s values.
    /// </summary>
    public const string CreatedAtKey = "created_at";

    /// <summary>
    /// The key of the import row of an import at <paramref name="at"/>, and the key a record inserted by
    /// it is attributed by (its created_at): the instant in UTC to the microsecond, as every database stores it.
    /// </summary>
    public static string KeyOf(DateTime at) => Truncate(at).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An instant cut to the microsecond (PostgreSQL keeps no finer), so that a stored and a computed instant compare equal.</summary>
    public static DateTime Truncate(DateTime at) => new(at.Ticks - at.Ticks % 10, DateTimeKind.Utc);

    /// <summary>
    /// The values a record held when it was imported, by variable name (empty values left out, as an
    /// insert row holds them): <paramref name="current"/>'s values (its values now, or those of its
    /// delete row) with each field's earliest update row's old value put back.
    /// </summary>
    /// <param name="current">The record's values now, by variable name (empty: not answered).</param>
    /// <param name="audit">The record's audit rows, in any order; rows other than updates are ignored.</param>
    public static Dictionary<string, string> Recover(IReadOnlyDictionary<string, string> current, IEnumerable<AuditEntry> audit)
    {
        var values = current.Where(v => v.Value.Length > 0 && v.Key != CreatedAtKey).ToDictionary(v => v.Key, v => v.Value);
        var firstChanges = audit.Where(a => a.Action == AuditAction.Update && a.Field is not null)
            .GroupBy(a => a.Field!)
            .Select(g => g.MinBy(a => a.Id)!);
        foreach (var change in firstChanges)
        {
            if (string.IsNullOrEmpty(change.OldValue)) values.Remove(change.Field!);
            else values[change.Field!] = change.OldValue;
        }
        return values;
    }

    /// <summary>A record's values now, by variable name, formatted as the audit trail holds them.</summary>
    public static Dictionary<string, string> Of(RegistryRecord record) =>
        DataDictionary.Instance.Form(FieldAccess.FormOf(record))
            .ToDictionary(v => v.Name, v => RecordCodec.Format(FieldAccess.Get(record, v)));
}
