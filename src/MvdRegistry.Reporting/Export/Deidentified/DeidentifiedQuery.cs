using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using MvdRegistry.Core.Bundle;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Outcomes;
using MvdRegistry.Data;

namespace MvdRegistry.Reporting.Export.Deidentified;

/// <summary>
/// The rows of a de-identified export, streamed from the database: the filtered operations of patients who
/// have not withdrawn consent, their patients and their records. Patients and operations come in key order; the
/// repeating forms (imaging, follow-ups, complications) grouped by operation, the operations' groups in the
/// operations' key order, each group in the form's key order: the order the analysis sheet's inputs are merged in
/// (<see cref="AnalysisSpill"/>). The operations query reads the operations, with whether the export keeps each, into an
/// <see cref="OperationIndex"/>; the repeating forms' rows find their operation there, in that order, with its surgery
/// date, and the rows of operations left out are skipped. Without a filter (only withdrawn consent leaves operations out)
/// every operation and every row is read, each table alone: no join, no sort. With one, the operations query reads the
/// kept operations only and each repeating form is joined to them, so that an export of a few hundred operations does not
/// read the whole registry (the follow-ups of 775 operations of 100,000: 25-35 ms by the join against 0.56-0.85 s read
/// whole, SQLite shell, measured 2026-12-03). So read the forms in <see cref="Forms.All"/>'s order, each once. Nothing is
/// held beyond the row being written.
/// </summary>
public sealed class DeidentifiedQuery(RegistryDbContext db, ExportFilter filter) : IDisposable
{
    private readonly OperationIndex _operations = new();

    /// <summary>The operations the export keeps.</summary>
    public IQueryable<Operation> Operations() => db.Operations.AsNoTracking().Where(Kept());

    /// <summary>Whether the export keeps an operation: its patient has not withdrawn consent, and it passes the filter.</summary>
    private Expression<Func<Operation, bool>> Kept()
    {
        Expression<Func<Operation, bool>> kept = o => o.Patient!.ConsentStatus != Codes.Withdrawn;
        if (filter.Indication is { } indication) kept = And(kept, o => o.Indication == indication);
        if (filter.SiteList.Count > 0)
        {
            var sites = filter.SiteList.ToList();
            kept = And(kept, o => sites.Contains(o.Patient!.SiteCode!));
        }
        if (filter.FromYear is { } from)
        {
            DateOnly? start = new DateOnly(from, 1, 1);
            kept = And(kept, o => o.SurgeryDate >= start);
        }
        if (filter.ToYear is { } to)
        {
            DateOnly? end = new DateOnly(to + 1, 1, 1);
            kept = And(kept, o => o.SurgeryDate < end);
        }
        return kept;
    }

    private static Expression<Func<Operation, bool>> And(Expression<Func<Operation, bool>> a, Expression<Func<Operation, bool>> b) =>
        Expression.Lambda<Func<Operation, bool>>(Expression.AndAlso(a.Body, ReplacingExpressionVisitor.Replace(b.Parameters[0], a.Parameters[0], b.Body)), a.Parameters[0]);

    /// <summary><paramref name="shape"/> with its second parameter replaced by <see cref="Kept"/> of its first: the flag computed by the database.</summary>
    private Expression<Func<Operation, T>> WithKept<T>(Expression<Func<Operation, bool, T>> shape)
    {
        var kept = Kept();
        var operation = shape.Parameters[0];
        return Expression.Lambda<Func<Operation, T>>(
            ReplacingExpressionVisitor.Replace(shape.Parameters[1], ReplacingExpressionVisitor.Replace(kept.Parameters[0], operation, kept.Body), shape.Body), operation);
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

    /// <summary>
    /// A form's rows with what de-identification needs beside them (the surgery date, the birth date, the last visit), and an
    /// operation's patient's site (for the analysis sheet). Read the forms in <see cref="Forms.All"/>'s order: a repeating
    /// form's rows find their operations in what the operations' rows left.
    /// </summary>
    public IAsyncEnumerable<(RegistryRecord Record, RowContext Context)> Rows(string form, CancellationToken ct)
    {
        var variables = Variables(form);
        var query = Query(form, variables);
        return form switch
        {
            Forms.Patient => PlainRows.Read<Patient>(db, query, variables, 0, (_, _, _) => new RowContext(null), ct),
            Forms.Case => PlainRows.Read<Operation>(db, query, variables, 3,
                (o, r, i) => _operations.Add(o.CaseId, !r.IsNull(i + 2) && r.GetBoolean(i + 2), o.SurgeryDate)
                    ? new RowContext(o.SurgeryDate, r.GetDate(i), Site: r.IsNull(i + 1) ? null : r.GetString(i + 1))
                    : null, ct),
            Forms.Imaging => Children<ImagingStudy>(form, query, variables, 0, x => x.CaseId, (_, _, _, surgery) => new RowContext(surgery), ct),
            Forms.FollowUp => Children<FollowUp>(form, query, variables, 0, x => x.CaseId, (_, _, _, surgery) => new RowContext(surgery), ct),
            Forms.Complication => Children<Complication>(form, query, variables, 1, x => x.CaseId,
                (_, r, i, surgery) => new RowContext(surgery, LastFuDay: OutcomeDerivation.DaysBetween(surgery, r.GetDate(i))), ct),
            _ => throw new ArgumentOutOfRangeException(nameof(form), form, "unknown form"),
        };
    }

    /// <summary>The query a form's rows are read by (<see cref="Rows"/>): its SQL is what the database is sent.</summary>
    public IQueryable Query(string form) => Query(form, Variables(form));

    /// <summary>
    /// The form's variables the export reads: a variable it removes (the MRN, the birth date) is not even read; the operations'
    /// rows bring the birth date for the age.
    /// </summary>
    private static HashSet<string> Variables(string form) =>
        DataDictionary.Instance.Form(form).Where(v => v.Identifier != DeidentifiedForm.Remove).Select(v => v.PropertyName).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The form's query, read by a plain reader (PlainRows): the record's dictionary columns only (RowColumns), then its
    /// context's (the operations' birth date, site and kept flag; a complication's operation's last visit).
    /// </summary>
    private IQueryable Query(string form, IReadOnlySet<string> variables)
    {
        var columns = new RowColumns(db.Model, variables);
        return form switch
        {
            Forms.Patient => Patients().OrderBy(p => p.PatientId).Select(columns.Narrow((Patient p) => new { Row = p })),
            Forms.Case => (filter.KeepsAll ? db.Operations.AsNoTracking() : Operations()).OrderBy(o => o.CaseId)
                .Select(columns.Narrow(WithKept((o, kept) => new { Row = o, Birth = o.Patient!.BirthDate, Site = o.Patient.SiteCode, Kept = kept }))),
            Forms.Imaging => OfKept(db.Imaging, x => x.CaseId).OrderBy(x => x.CaseId).ThenBy(x => x.ImagingId).Select(columns.Narrow((ImagingStudy x) => new { Row = x })),
            Forms.FollowUp => OfKept(db.FollowUps, x => x.CaseId).OrderBy(x => x.CaseId).ThenBy(x => x.FollowupId).Select(columns.Narrow((FollowUp x) => new { Row = x })),
            Forms.Complication => OfKept(db.Complications, x => x.CaseId).OrderBy(x => x.CaseId).ThenBy(x => x.ComplicationId).Select(columns.Narrow((Complication x) => new
            {
                Row = x,
                LastVisit = db.FollowUps.Where(f => f.CaseId == x.CaseId).Max(f => f.VisitDate),
            })),
            _ => throw new ArgumentOutOfRangeException(nameof(form), form, "unknown form"),
        };
    }

    /// <summary>A repeating form's table: whole when the filter keeps every operation, else joined to the kept operations.</summary>
    private IQueryable<TRow> OfKept<TRow>(IQueryable<TRow> table, Expression<Func<TRow, string>> caseId) where TRow : class =>
        filter.KeepsAll ? table.AsNoTracking() : Operations().Join(table.AsNoTracking(), o => o.CaseId, caseId, (_, row) => row);

    /// <summary>A repeating form's rows of the operations the export keeps, each with its operation's surgery date.</summary>
    private async IAsyncEnumerable<(RegistryRecord, RowContext)> Children<TRow>(string form, IQueryable query, IReadOnlySet<string> variables, int extra,
        Func<TRow, string> caseId, Func<TRow, IRowCells, int, DateOnly?, RowContext> context, [EnumeratorCancellation] CancellationToken ct) where TRow : RegistryRecord, new()
    {
        var operations = _operations.Start(DeidentifiedForm.SheetName(form));
        await foreach (var row in PlainRows.Read<TRow>(db, query, variables, extra,
            (x, r, i) => operations.Find(caseId(x)) is (true, var surgery) ? context(x, r, i, surgery) : null, ct))
            yield return row;
    }

    public void Dispose() => _operations.Dispose();
}
