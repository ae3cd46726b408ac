using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Bundle;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Outcomes;
using MvdRegistry.Data;

namespace MvdRegistry.Reporting.Export.Deidentified;

/// <summary>
/// The rows of a de-identified export, streamed from the database in key order: the filtered
/// operations of patients who have not withdrawn consent, their patients and their records. Nothing is
/// held beyond the row being written, except the analysis sheet's batch of operations when it is read here
/// (the export derives it from <see cref="AnalysisSpill"/> when the children's sheets merge with the operations').
/// </summary>
/// <param name="analysisBatch">Operations derived together for the analysis sheet: bounded memory, few round trips.</param>
public sealed class DeidentifiedQuery(RegistryDbContext db, ExportFilter filter, int analysisBatch = DeidentifiedQuery.AnalysisBatch)
{
    public const int AnalysisBatch = 500;

    public IQueryable<Operation> Operations()
    {
        var operations = db.Operations.AsNoTracking().Where(o => o.Patient!.ConsentStatus != Codes.Withdrawn);
        if (filter.Indication is { } indication) operations = operations.Where(o => o.Indication == indication);
        if (filter.SiteList.Count > 0)
        {
            var sites = filter.SiteList.ToList();
            operations = operations.Where(o => sites.Contains(o.Patient!.SiteCode!));
        }
        if (filter.FromYear is { } from)
        {
            DateOnly? start = new DateOnly(from, 1, 1);
            operations = operations.Where(o => o.SurgeryDate >= start);
        }
        if (filter.ToYear is { } to)
        {
            DateOnly? end = new DateOnly(to + 1, 1, 1);
            operations = operations.Where(o => o.SurgeryDate < end);
        }
        return operations;
    }

    private IQueryable<Patient> Patients()
    {
        var operations = Operations();
        return db.Patients.AsNoTracking().Where(p => operations.Any(o => o.PatientId == p.PatientId));
    }

    /// <summary>
    /// Rows per form for the progress bar, estimated: the filtered operations counted exactly, every other
    /// table's rows scaled by the share of operations the filter keeps. Counting each sheet's filtered rows
    /// exactly (a semi-join over every child row) took 2.5 s at 100,000 patients before the first row was written.
    /// </summary>
    public async Task<Dictionary<string, int>> EstimateAsync(CancellationToken ct)
    {
        var cases = await Operations().CountAsync(ct);
        var all = await db.Operations.CountAsync(ct);
        int Share(int rows) => all == 0 ? 0 : (int)((long)rows * cases / all);
        return new Dictionary<string, int>
        {
            [Forms.Patient] = Share(await db.Patients.CountAsync(ct)),
            [Forms.Case] = cases,
            [Forms.Imaging] = Share(await db.Imaging.CountAsync(ct)),
            [Forms.FollowUp] = Share(await db.FollowUps.CountAsync(ct)),
            [Forms.Complication] = Share(await db.Complications.CountAsync(ct)),
        };
    }

    /// <summary>A form's rows with what de-identification needs beside them (the surgery date, the birth date, the last visit), and an operation's patient's site (for the analysis sheet).</summary>
    public IAsyncEnumerable<(RegistryRecord Record, RowContext Context)> Rows(string form, CancellationToken ct)
    {
        var operations = Operations();
        // Read by plain readers (PlainRows): the record's dictionary columns, then its context's.
        var variables = DataDictionary.Instance.Form(form).Select(v => v.PropertyName).ToHashSet(StringComparer.Ordinal);
        return form switch
        {
            Forms.Patient => PlainRows.Read<Patient>(db, Patients().OrderBy(p => p.PatientId), variables, 0, (_, _, _) => new RowContext(null), ct),
            Forms.Case => PlainRows.Read<Operation>(db, operations.OrderBy(o => o.CaseId).Select(o => new { Row = o, Birth = o.Patient!.BirthDate, Site = o.Patient.SiteCode }), variables, 2,
                (o, r, i) => new RowContext(o.SurgeryDate, PlainRows.Date(r, i), Site: r.IsDBNull(i + 1) ? null : r.GetString(i + 1)), ct),
            Forms.Imaging => PlainRows.Read<ImagingStudy>(db, db.Imaging.AsNoTracking().Join(operations, i => i.CaseId, o => o.CaseId, (i, o) => new { Row = i, o.SurgeryDate }).OrderBy(x => x.Row.ImagingId), variables, 1,
                (_, r, i) => new RowContext(PlainRows.Date(r, i)), ct),
            Forms.FollowUp => PlainRows.Read<FollowUp>(db, db.FollowUps.AsNoTracking().Join(operations, f => f.CaseId, o => o.CaseId, (f, o) => new { Row = f, o.SurgeryDate }).OrderBy(x => x.Row.FollowupId), variables, 1,
                (_, r, i) => new RowContext(PlainRows.Date(r, i)), ct),
            Forms.Complication => PlainRows.Read<Complication>(db, db.Complications.AsNoTracking().Join(operations, c => c.CaseId, o => o.CaseId, (c, o) => new
                {
                    Row = c,
                    o.SurgeryDate,
                    LastVisit = db.FollowUps.Where(f => f.CaseId == o.CaseId).Max(f => f.VisitDate),
                }).OrderBy(x => x.Row.ComplicationId), variables, 2,
                (_, r, i) => new RowContext(PlainRows.Date(r, i), LastFuDay: OutcomeDerivation.DaysBetween(PlainRows.Date(r, i), PlainRows.Date(r, i + 1))), ct),
            _ => throw new ArgumentOutOfRangeException(nameof(form), form, "unknown form"),
        };
    }

    /// <summary>Every filtered operation with its derived variables, in key order, derived a batch at a time.</summary>
    public async IAsyncEnumerable<OperationOutcome> Outcomes([EnumeratorCancellation] CancellationToken ct)
    {
        string? last = null;
        while (true)
        {
            var from = last;
            var batch = Operations();
            if (from is not null) batch = batch.Where(o => string.Compare(o.CaseId, from) > 0);
            var ids = await batch.OrderBy(o => o.CaseId).Select(o => o.CaseId).Take(analysisBatch).ToListAsync(ct);
            if (ids.Count == 0) yield break;
            var data = await LoadBatchAsync(ids[0], ids[^1], ct);
            var byId = data.Operations.ToDictionary(o => o.CaseId, StringComparer.Ordinal);
            foreach (var id in ids) yield return OutcomeDerivation.Derive(byId[id]);
            last = ids[^1];
        }
    }

    /// <summary>
    /// A batch of operations, the filtered ones from <paramref name="first"/> to <paramref name="last"/> (keys,
    /// inclusive), with their patients and records, linked: the statistics' columns (all that outcome
    /// derivation and the analysis sheet read), read by a plain data reader into the records. Each query
    /// is a range of the case_id indexes, never a list of keys: SQLite binds a parameter by name in time
    /// proportional to the statement's parameters, so 2,000 keys cost millions of comparisons a batch.
    /// A child outside the filter (its operation not in the batch) is left out by the same semi-join as
    /// the sheets', so a narrow filter never loads a wide range.
    /// </summary>
    private async Task<RegistryData> LoadBatchAsync(string first, string last, CancellationToken ct)
    {
        var all = StatisticsQueries.Of(db);
        var operations = Operations().Where(o => string.Compare(o.CaseId, first) >= 0 && string.Compare(o.CaseId, last) <= 0);
        var batch = new StatisticsQueries(
            StatisticsQueries.Of(db, operations).Operations,
            all.Patients.Where(p => operations.Select(o => o.PatientId).Contains(p.PatientId)),
            all.Imaging.Where(i => string.Compare(i.CaseId, first) >= 0 && string.Compare(i.CaseId, last) <= 0 && operations.Any(o => o.CaseId == i.CaseId)),
            all.FollowUps.Where(f => string.Compare(f.CaseId, first) >= 0 && string.Compare(f.CaseId, last) <= 0 && operations.Any(o => o.CaseId == f.CaseId)),
            all.Complications.Where(c => string.Compare(c.CaseId, first) >= 0 && string.Compare(c.CaseId, last) <= 0 && operations.Any(o => o.CaseId == c.CaseId)));
        return await RegistryLoader.LoadStatisticsRowsAsync(db, batch, ct);
    }
}
