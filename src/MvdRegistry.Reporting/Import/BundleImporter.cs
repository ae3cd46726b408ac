using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Bundle;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;
using MvdRegistry.Data;
using MvdRegistry.Data.Auditing;
using MvdRegistry.Data.Bulk;

namespace MvdRegistry.Reporting.Import;

/// <summary>
/// Imports a CSV bundle: validates all of it against the registry first, then writes all of it in one
/// transaction, or nothing. A key already in the registry updates that record (audited field by field)
/// when a value differs; identical rows are left alone, so a second import of a bundle writes nothing.
/// </summary>
public sealed class BundleImporter(RegistryDbContext db, ICurrentUser user, TimeProvider clock)
{
    private const int UpdateChunk = 2_000;

    public async Task<ImportResult> ImportAsync(string directory, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var existing = await RegistryLoader.LoadAsync(db, ct);
        var read = BundleReader.Read(directory, today, existing);
        if (!read.IsValid) return new ImportResult(read.Problems, read.Warnings, 0, 0, 0);

        var current = existing.All().ToDictionary(r => (FieldAccess.FormOf(r), FieldAccess.Key(r)));
        existing.Unlink();
        read.Data.Unlink();
        var inserts = new RegistryData();
        var updates = new List<(RegistryRecord Old, RegistryRecord New)>();
        var unchanged = 0;
        foreach (var record in read.Data.All())
        {
            if (!current.TryGetValue((FieldAccess.FormOf(record), FieldAccess.Key(record)), out var old))
                inserts.Add(record);
            else if (SameValues(old, record))
                unchanged++;
            else
                updates.Add((old, record));
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await AddUnknownCodesAsync(read.Data, ct);
        await InsertAsync(inserts, ct);
        await UpdateAsync(updates, ct);
        if (inserts.All().Any() || updates.Count > 0)
        {
            // The stored overdue lists no longer describe the data: dropped, each is computed again when
            // first needed or by the next daily run.
            await db.OverdueOperations.ExecuteDeleteAsync(ct);
            await db.OverdueSiteLists.ExecuteDeleteAsync(ct);
        }
        await tx.CommitAsync(ct);
        return new ImportResult([], read.Warnings, inserts.All().Count(), updates.Count, unchanged);
    }

    /// <summary>New records go in through one prepared command per table, each with its audit row.</summary>
    private async Task InsertAsync(RegistryData inserts, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var record in inserts.All())
        {
            record.CreatedAt = record.UpdatedAt = now;
            record.Version = 1;
        }
        await BulkInserter.InsertAsync(db, inserts.Patients, ct);
        await BulkInserter.InsertAsync(db, inserts.Operations, ct);
        await BulkInserter.InsertAsync(db, inserts.Imaging, ct);
        await BulkInserter.InsertAsync(db, inserts.FollowUps, ct);
        await BulkInserter.InsertAsync(db, inserts.Complications, ct);
        await BulkInserter.InsertAsync(db, inserts.All().Select(r => AuditRows.Insert(r, user.Name, now, db.AuditReason)), ct);
    }

    /// <summary>Changed records go through SaveChanges, which audits each changed field.</summary>
    private async Task UpdateAsync(List<(RegistryRecord Old, RegistryRecord New)> updates, CancellationToken ct)
    {
        foreach (var chunk in updates.Chunk(UpdateChunk))
        {
            foreach (var (old, changed) in chunk)
            {
                // The registry's row (with its version) is attached as it is, then given the new
                // values, so the audit sees old and new and the version check guards the update.
                var entry = db.Attach(old);
                foreach (var variable in DataDictionary.Instance.Form(FieldAccess.FormOf(old)))
                    entry.Property(variable.PropertyName).CurrentValue = FieldAccess.Get(changed, variable);
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    private static bool SameValues(RegistryRecord a, RegistryRecord b) =>
        DataDictionary.Instance.Form(FieldAccess.FormOf(a))
            .All(v => RecordCodec.Format(FieldAccess.Get(a, v)) == RecordCodec.Format(FieldAccess.Get(b, v)));

    /// <summary>Site and surgeon codes not yet known are created, as the dictionary says.</summary>
    private async Task AddUnknownCodesAsync(RegistryData bundle, CancellationToken ct)
    {
        var sites = await db.Sites.Select(s => s.Code).ToListAsync(ct);
        foreach (var code in bundle.Patients.Select(p => p.SiteCode!).Distinct().Except(sites))
            db.Sites.Add(new Site { Code = code, Name = code });
        var surgeons = await db.Surgeons.Select(s => s.Code).ToListAsync(ct);
        foreach (var code in bundle.Operations.Select(o => o.SurgeonCode!).Distinct().Except(surgeons))
            db.Surgeons.Add(new Surgeon { Code = code });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
