using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;
using MvdRegistry.Data;
using MvdRegistry.Data.Auditing;

namespace MvdRegistry.Application.Saving;

/// <summary>A record a bundle import inserted: the import's audit row, the file it came from (with its SHA-256), and the values it was imported with.</summary>
public sealed record ImportOrigin(RegistryRecord Record, AuditEntry Import, string File, string Sha256, IReadOnlyDictionary<string, string> Values);

/// <summary>
/// Which of some records a bundle import inserted, read from the audit trail as <see cref="ImportedValues"/>
/// describes it: a record with no insert row of its own whose created_at is the key of an import row.
/// </summary>
public static class ImportAttribution
{
    public static Task<IReadOnlyList<ImportOrigin>> LoadAsync(RegistryDbContext db, IReadOnlyCollection<RegistryRecord> records, CancellationToken ct) =>
        LoadAsync(db, records, ownRows: null, ct);

    /// <summary>
    /// <paramref name="ownRows"/>: every audit row of the records, none left out (others may be among them), when the
    /// caller has read them already (the case page's history); null to read them here.
    /// </summary>
    public static async Task<IReadOnlyList<ImportOrigin>> LoadAsync(
        RegistryDbContext db, IReadOnlyCollection<RegistryRecord> records, IReadOnlyCollection<AuditEntry>? ownRows, CancellationToken ct)
    {
        var stamps = records.Select(r => ImportedValues.KeyOf(r.CreatedAt)).Distinct().ToList();
        var imports = await db.AuditLog.AsNoTracking()
            .Where(a => a.Entity == ImportedValues.Entity && a.Action == AuditAction.Import && stamps.Contains(a.Key))
            .ToDictionaryAsync(a => a.Key, ct);
        var candidates = records.Where(r => imports.ContainsKey(ImportedValues.KeyOf(r.CreatedAt))).ToList();
        if (candidates.Count == 0) return [];

        // The candidates' own rows: an insert row means the record was not imported; update rows undo later changes.
        var own = (ownRows ?? await OwnRows(db, candidates).ToListAsync(ct)).ToLookup(a => (a.Entity, a.Key));
        var origins = new List<ImportOrigin>();
        foreach (var record in candidates)
        {
            var rows = own[(FieldAccess.FormOf(record), FieldAccess.Key(record))].ToList();
            if (rows.Any(a => a.Action == AuditAction.Insert)) continue;
            var import = imports[ImportedValues.KeyOf(record.CreatedAt)];
            var bundle = AuditRows.ReadImport(import);
            var file = Forms.FileName(FieldAccess.FormOf(record));
            var sha = bundle.Files.FirstOrDefault(f => f.File == file)?.Sha256 ?? "";
            origins.Add(new ImportOrigin(record, import, Path.Combine(bundle.Folder, file), sha, ImportedValues.Recover(ImportedValues.Of(record), rows)));
        }
        return origins;
    }

    /// <summary>
    /// The records' audit rows, found form by form on the (entity, record_key) index (a key alone, with the entity
    /// left open, had the database read the whole index: 0.36 s a case page with a million edit rows).
    /// </summary>
    public static IQueryable<AuditEntry> OwnRows(RegistryDbContext db, IEnumerable<RegistryRecord> records)
    {
        var keys = records.ToLookup(FieldAccess.FormOf, FieldAccess.Key);
        List<string> Of(string form) => keys[form].Distinct().ToList();
        var (patients, cases, imaging, visits, complications) =
            (Of(Forms.Patient), Of(Forms.Case), Of(Forms.Imaging), Of(Forms.FollowUp), Of(Forms.Complication));
        return db.AuditLog.AsNoTracking()
            .Where(a => (a.Entity == Forms.Patient && patients.Contains(a.Key))
                || (a.Entity == Forms.Case && cases.Contains(a.Key))
                || (a.Entity == Forms.Imaging && imaging.Contains(a.Key))
                || (a.Entity == Forms.FollowUp && visits.Contains(a.Key))
                || (a.Entity == Forms.Complication && complications.Contains(a.Key)));
    }
}
