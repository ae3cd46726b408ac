using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Bundle;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;
using MvdRegistry.Data;

namespace MvdRegistry.Reporting.Import;

/// <summary>
/// Imports a CSV bundle: validates all of it against the registry first, then writes all of it in one
/// transaction, or nothing. A key already in the registry updates that record (audited field by field)
/// when a value differs; identical rows are left alone, so a second import of a bundle writes nothing.
/// </summary>
public sealed class BundleImporter(RegistryDbContext db, TimeProvider clock)
{
    private const int ChunkSize = 5_000;

    public async Task<ImportResult> ImportAsync(string directory, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var existing = await RegistrySnapshot.LoadAsync(db, ct);
        var read = BundleReader.Read(directory, today, existing);
        if (!read.IsValid) return new ImportResult(read.Problems, read.Warnings, 0, 0, 0);

        var current = existing.All().ToDictionary(r => (FieldAccess.FormOf(r), FieldAccess.Key(r)));
        existing.Unlink();
        read.Data.Unlink();

        int inserted = 0, updated = 0, unchanged = 0;
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await AddUnknownCodesAsync(read.Data, ct);
            var pending = 0;
            foreach (var record in read.Data.All())
            {
                var form = FieldAccess.FormOf(record);
                if (!current.TryGetValue((form, FieldAccess.Key(record)), out var old))
                {
                    db.Add(record);
                    inserted++;
                }
                else if (SameValues(old, record))
                {
                    unchanged++;
                    continue;
                }
                else
                {
                    db.Attach(old);
                    foreach (var variable in DataDictionary.Instance.Form(form))
                        FieldAccess.Set(old, variable, FieldAccess.Get(record, variable));
                    updated++;
                }
                if (++pending >= ChunkSize)
                {
                    await SaveChunkAsync(ct);
                    pending = 0;
                }
            }
            await SaveChunkAsync(ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
        return new ImportResult([], read.Warnings, inserted, updated, unchanged);
    }

    private async Task SaveChunkAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
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
        await SaveChunkAsync(ct);
    }
}
