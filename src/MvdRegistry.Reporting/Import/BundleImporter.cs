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
/// Imports a CSV bundle in one transaction, or nothing, streaming: <see cref="BundleCheck"/>'s first pass
/// checks every row against the registry's keys and facts; its second pass checks each record against
/// the rules on a thread of its own (<see cref="CheckedRecords"/>) and this writes it as it comes, in batches. Any problem, in either pass, stops the writing
/// and rolls the transaction back. A key already in the registry updates that record (audited field by
/// field, each row naming the file as its reason) when a value differs; identical rows are left alone, so
/// a second import of a bundle writes nothing. The records it inserts have no audit row each: the import
/// writes one row for itself (who, when, the folder, each file's SHA-256 and counts), and each record it
/// inserted carries its instant as created_at (<see cref="ImportedValues"/>).
/// </summary>
public sealed class BundleImporter(RegistryDbContext db, ICurrentUser user, TimeProvider clock)
{
    private const int InsertBatch = 1_000;
    private const int UpdateBatch = 2_000;

    public async Task<ImportResult> ImportAsync(string directory, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var check = BundleCheck.Start(directory, today, await RegistryLoader.LoadFactsAsync(db, ct));
        var writing = !check.HasProblems;
        // To the microsecond, as every database stores it: the import row's key is the records' created_at.
        var now = ImportedValues.Truncate(clock.GetUtcNow().UtcDateTime);
        var batch = new Batch(db, now, directory);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (writing) await AddUnknownCodesAsync(check, ct);
        // The second pass checks on its own thread while this one writes what it has checked; a problem
        // anywhere means nothing is written: the records stop coming, the checking goes on.
        await using (var records = new CheckedRecords(check, writing, ct))
        {
            await foreach (var record in records.ReadAllAsync())
            {
                if (check.Registry.Contains(FieldAccess.FormOf(record), FieldAccess.Key(record)))
                    await batch.UpdateAsync(record, UpdateBatch, ct);
                else
                    await batch.InsertAsync(record, InsertBatch, ct);
            }
        }
        var result = check.Result();
        if (!result.IsValid) return new ImportResult(result.Problems, result.Warnings, 0, 0, 0);

        await batch.FlushAsync(ct);
        if (batch.Inserted > 0 || batch.Updated > 0)
        {
            // The stored overdue lists no longer describe the data: dropped, each is computed again when
            // first needed or by the next daily run.
            await db.OverdueOperations.ExecuteDeleteAsync(ct);
            await db.OverdueSiteLists.ExecuteDeleteAsync(ct);
            db.AuditLog.Add(AuditRows.Import(user.AuditName, now, directory, Forms.All.Select(form => new ImportedFile(
                Forms.FileName(form), check.FileHashes[form], batch.Counts(form).Inserted, batch.Counts(form).Updated, batch.Counts(form).Unchanged))));
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        if (batch.Inserted > 0 || batch.Updated > 0) await PlannerStatistics.RefreshAsync(db, ct);
        return new ImportResult([], result.Warnings, batch.Inserted, batch.Updated, batch.Unchanged);
    }

    /// <summary>Site and surgeon codes not yet known are created, as the dictionary says.</summary>
    private async Task AddUnknownCodesAsync(BundleCheck check, CancellationToken ct)
    {
        var sites = await db.Sites.Select(s => s.Code).ToListAsync(ct);
        foreach (var code in check.SiteCodes.Except(sites))
            db.Sites.Add(new Site { Code = code, Name = code });
        var surgeons = await db.Surgeons.Select(s => s.Code).ToListAsync(ct);
        foreach (var code in check.SurgeonCodes.Except(surgeons))
            db.Surgeons.Add(new Surgeon { Code = code });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>The records on their way to the database, one form at a time (forms come in parent-first order).</summary>
    private sealed class Batch(RegistryDbContext db, DateTime now, string directory)
    {
        private readonly List<RegistryRecord> _inserts = [];
        private readonly List<RegistryRecord> _updates = [];
        private string? _form;

        private readonly Dictionary<string, (int Inserted, int Updated, int Unchanged)> _counts = Forms.All.ToDictionary(f => f, _ => (0, 0, 0));

        public int Inserted => _counts.Values.Sum(c => c.Inserted);
        public int Updated => _counts.Values.Sum(c => c.Updated);
        public int Unchanged => _counts.Values.Sum(c => c.Unchanged);

        public (int Inserted, int Updated, int Unchanged) Counts(string form) => _counts[form];

        public async Task InsertAsync(RegistryRecord record, int size, CancellationToken ct)
        {
            await FormAsync(record, ct);
            _inserts.Add(record);
            if (_inserts.Count >= size) await FlushInsertsAsync(ct);
        }

        public async Task UpdateAsync(RegistryRecord record, int size, CancellationToken ct)
        {
            await FormAsync(record, ct);
            _updates.Add(record);
            if (_updates.Count >= size) await FlushUpdatesAsync(ct);
        }

        public async Task FlushAsync(CancellationToken ct)
        {
            await FlushInsertsAsync(ct);
            await FlushUpdatesAsync(ct);
        }

        /// <summary>A record of the next form: the previous form's records go first (its rows are the next form's parents).</summary>
        private async Task FormAsync(RegistryRecord record, CancellationToken ct)
        {
            var form = FieldAccess.FormOf(record);
            if (form == _form) return;
            await FlushAsync(ct);
            _form = form;
        }

        /// <summary>Which file the records came from, as the audit rows' reason.</summary>
        private string Reason => $"import of {Path.Combine(directory, Forms.FileName(_form!))}";

        /// <summary>New records go in through one prepared command per table; the import's own audit row attributes them.</summary>
        private async Task FlushInsertsAsync(CancellationToken ct)
        {
            if (_inserts.Count == 0) return;
            foreach (var record in _inserts)
            {
                record.CreatedAt = record.UpdatedAt = now;
                record.Version = 1;
            }
            switch (_form)
            {
                case Forms.Patient: await BulkInserter.InsertAsync(db, _inserts.Cast<Patient>(), ct); break;
                case Forms.Case: await BulkInserter.InsertAsync(db, _inserts.Cast<Operation>(), ct); break;
                case Forms.Imaging: await BulkInserter.InsertAsync(db, _inserts.Cast<ImagingStudy>(), ct); break;
                case Forms.FollowUp: await BulkInserter.InsertAsync(db, _inserts.Cast<FollowUp>(), ct); break;
                default: await BulkInserter.InsertAsync(db, _inserts.Cast<Complication>(), ct); break;
            }
            var counts = _counts[_form!];
            _counts[_form!] = counts with { Inserted = counts.Inserted + _inserts.Count };
            _inserts.Clear();
        }

        /// <summary>Records already in the registry: changed ones go through SaveChanges, which audits each changed field.</summary>
        private async Task FlushUpdatesAsync(CancellationToken ct)
        {
            if (_updates.Count == 0) return;
            var current = await CurrentAsync(_updates.Select(FieldAccess.Key).ToList(), ct);
            foreach (var changed in _updates)
            {
                var old = current[FieldAccess.Key(changed)];
                var counts = _counts[_form!];
                if (SameValues(old, changed))
                {
                    _counts[_form!] = counts with { Unchanged = counts.Unchanged + 1 };
                    continue;
                }
                // The registry's row (with its version) is attached as it is, then given the new
                // values, so the audit sees old and new and the version check guards the update.
                var entry = db.Attach(old);
                foreach (var variable in DataDictionary.Instance.Form(_form!))
                    entry.Property(variable.PropertyName).CurrentValue = FieldAccess.Get(changed, variable);
                _counts[_form!] = counts with { Updated = counts.Updated + 1 };
            }
            db.AuditReason = Reason;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            finally
            {
                db.AuditReason = null;
            }
            db.ChangeTracker.Clear();
            _updates.Clear();
        }

        /// <summary>The registry's rows of these keys of the current form, untracked.</summary>
        private async Task<Dictionary<string, RegistryRecord>> CurrentAsync(List<string> keys, CancellationToken ct)
        {
            IEnumerable<RegistryRecord> rows = _form switch
            {
                Forms.Patient => await db.Patients.AsNoTracking().Where(p => keys.Contains(p.PatientId)).ToListAsync(ct),
                Forms.Case => await db.Operations.AsNoTracking().Where(o => keys.Contains(o.CaseId)).ToListAsync(ct),
                Forms.Imaging => await db.Imaging.AsNoTracking().Where(s => keys.Contains(s.ImagingId)).ToListAsync(ct),
                Forms.FollowUp => await db.FollowUps.AsNoTracking().Where(f => keys.Contains(f.FollowupId)).ToListAsync(ct),
                _ => await db.Complications.AsNoTracking().Where(c => keys.Contains(c.ComplicationId)).ToListAsync(ct),
            };
            return rows.ToDictionary(FieldAccess.Key);
        }

        private static bool SameValues(RegistryRecord a, RegistryRecord b) =>
            DataDictionary.Instance.Form(FieldAccess.FormOf(a))
                .All(v => RecordCodec.Format(FieldAccess.Get(a, v)) == RecordCodec.Format(FieldAccess.Get(b, v)));
    }
}
