using Microsoft.EntityFrameworkCore;
using MvdRegistry.Application.Scheduling;
using MvdRegistry.Application.Statistics;
using MvdRegistry.Application.Users;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Outcomes;
using MvdRegistry.Core.Statistics.Snapshot;
using MvdRegistry.Data;

namespace MvdRegistry.Application.Worklists;

/// <summary>
/// A surgeon's home page: what is due from them. "Their" operations are those under their surgeon code
/// in their granted sites (all of the granted sites' operations for a user without a surgeon code); the
/// capture rate is their sites'. Nothing outside the granted sites is read.
/// </summary>
public sealed class SurgeonWorklist
{
    /// <summary>How many rows each list shows; the counts say how many there are in all.</summary>
    public const int Shown = 10;

    /// <summary>The one-year capture a site is held to (NeuroPoint QOD's 80% at 12 months).</summary>
    public const double CaptureTarget = 0.80;

    public required DateOnly Today { get; init; }

    /// <summary>Whether the lists are the surgeon's own operations (their surgeon code) or all of their sites'.</summary>
    public required bool OwnOperations { get; init; }

    public required int OverdueCount { get; init; }

    /// <summary>The first <see cref="Shown"/> overdue follow-ups, most recently due first (the /FollowUps/Overdue order).</summary>
    public required IReadOnlyList<WorklistOperation> Overdue { get; init; }

    public required IReadOnlyList<RecentEntry> Recent { get; init; }

    /// <summary>Operations in their one-year window now (day 270 to 539) with no visit in it yet: the visit can still be made.</summary>
    public required int OneYearOpenCount { get; init; }

    /// <summary>The first <see cref="Shown"/> of them, the window closing soonest first.</summary>
    public required IReadOnlyList<WorklistOperation> OneYearOpen { get; init; }

    /// <summary>Operations whose one-year window has closed without a visit: each counts against the capture rate.</summary>
    public required int OneYearMissedCount { get; init; }

    /// <summary>The first <see cref="Shown"/> of them, the most recently closed first (a visit made but not entered is found there).</summary>
    public required IReadOnlyList<WorklistOperation> OneYearMissed { get; init; }

    /// <summary>One-year capture per granted site (OUTCOMES.md item 9, the Core's <see cref="CompletenessSection"/>).</summary>
    public required IReadOnlyList<CompletenessRow> Capture { get; init; }

    public static async Task<SurgeonWorklist> LoadAsync(RegistryDbContext db, IActingUser user, DateOnly today, CancellationToken ct = default)
    {
        var sites = user.Sites.ToList();
        var granted = db.Operations.AsNoTracking().Where(o => sites.Contains(o.Patient!.SiteCode!));
        var surgeon = user.SurgeonCode;
        var own = surgeon is null ? granted : granted.Where(o => o.SurgeonCode == surgeon);

        var overdue = await OverdueAsync(own, today, ct);
        var (capture, outcomes) = await CompletenessAsync(db, sites, today, ct);
        var mine = outcomes.Where(o => surgeon is null || o.Operation.SurgeonCode == surgeon)
            .Where(o => !o.HasOneYearVisit && !o.HasDeath && o.Operation.SurgeryDate is not null)
            .Select(o => (Outcome: o, Day: today.DayNumber - o.Operation.SurgeryDate!.Value.DayNumber))
            .Where(o => o.Day >= OneYearVisit.WindowStart)
            .ToList();
        var open = mine.Where(o => o.Day < OneYearVisit.WindowEnd).OrderByDescending(o => o.Day).ThenBy(o => o.Outcome.Operation.CaseId, StringComparer.Ordinal).ToList();
        var missed = mine.Where(o => o.Day >= OneYearVisit.WindowEnd).OrderBy(o => o.Day).ThenBy(o => o.Outcome.Operation.CaseId, StringComparer.Ordinal).ToList();
        var openShown = open.Take(Shown).Select(o => o.Outcome.Operation).ToList();
        var missedShown = missed.Take(Shown).Select(o => o.Outcome.Operation).ToList();
        var mrns = await MrnsAsync(db, sites, openShown.Concat(missedShown).Select(o => o.PatientId).Distinct().ToList(), ct);

        return new SurgeonWorklist
        {
            Today = today,
            OwnOperations = surgeon is not null,
            OverdueCount = overdue.Count,
            Overdue = overdue.Take(Shown).ToList(),
            Recent = await RecentEntries.LoadAsync(db, user, Shown, ct),
            OneYearOpenCount = open.Count,
            OneYearOpen = openShown.Select(o => Row(o, mrns, today)).ToList(),
            OneYearMissedCount = missed.Count,
            OneYearMissed = missedShown.Select(o => Row(o, mrns, today)).ToList(),
            Capture = capture,
        };
    }

    /// <summary>The overdue operations by the Application's <see cref="OverdueQuery"/>, ordered as the overdue page orders them.</summary>
    private static async Task<List<WorklistOperation>> OverdueAsync(IQueryable<Operation> operations, DateOnly today, CancellationToken ct)
    {
        var rows = await operations.Overdue(today)
            .Select(o => new WorklistOperation
            {
                CaseId = o.CaseId, PatientId = o.PatientId, Mrn = o.Patient!.Mrn, Site = o.Patient.SiteCode,
                Indication = o.Indication, Side = o.Side, SurgeryDate = o.SurgeryDate,
                LastVisit = o.FollowUps.Max(f => f.VisitDate),
            })
            .ToListAsync(ct);
        foreach (var row in rows) row.Next = NextVisit.Of(row.SurgeryDate, row.LastVisit, expected: true, today);
        return rows.OrderBy(r => r.Next!.DaysSinceLatestMissed).ThenBy(r => r.CaseId, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The granted sites' operations loaded as the statistics load them, the analysis population of
    /// OUTCOMES.md (consent withdrawn left out), and the Core's completeness over it as of today.
    /// </summary>
    private static async Task<(IReadOnlyList<CompletenessRow>, List<OperationOutcome>)> CompletenessAsync(
        RegistryDbContext db, List<string> sites, DateOnly today, CancellationToken ct)
    {
        if (sites.Count == 0) return ([], []);
        var data = await StatisticsLoader.LoadAsync(db, new StatisticsFilter { Sites = sites }, ct);
        var (analysed, _) = RegistryStatistics.AnalysisPopulation(data.Patients);
        var completeness = CompletenessSection.Build(analysed, today);
        // A granted site without operations still has its row: no one-year capture to judge yet.
        var rows = sites.Order(StringComparer.Ordinal)
            .Select(s => completeness.Sites.FirstOrDefault(r => r.Site == s) ?? new CompletenessRow(s, 0, Core.Statistics.Proportion.Wilson(0, 0), 0))
            .ToList();
        return (rows, analysed);
    }

    private static async Task<Dictionary<string, (string? Mrn, string? Site)>> MrnsAsync(RegistryDbContext db, List<string> sites, List<string> patientIds, CancellationToken ct) =>
        (await db.Patients.AsNoTracking().Where(p => patientIds.Contains(p.PatientId) && sites.Contains(p.SiteCode!))
            .Select(p => new { p.PatientId, p.Mrn, p.SiteCode }).ToListAsync(ct))
        .ToDictionary(p => p.PatientId, p => (p.Mrn, p.SiteCode));

    private static WorklistOperation Row(Operation o, Dictionary<string, (string? Mrn, string? Site)> patients, DateOnly today)
    {
        var (mrn, site) = patients.GetValueOrDefault(o.PatientId);
        return new WorklistOperation
        {
            CaseId = o.CaseId, PatientId = o.PatientId, Mrn = mrn, Site = site, Indication = o.Indication, Side = o.Side,
            SurgeryDate = o.SurgeryDate, DaysSinceSurgery = o.SurgeryDate is { } s ? today.DayNumber - s.DayNumber : null,
        };
    }
}

/// <summary>An operation on a worklist: who, what, when, and (overdue lists) the next visit.</summary>
public sealed class WorklistOperation
{
    public required string CaseId { get; init; }
    public required string PatientId { get; init; }
    public string? Mrn { get; init; }
    public string? Site { get; init; }
    public string? Indication { get; init; }
    public string? Side { get; init; }
    public DateOnly? SurgeryDate { get; init; }
    public DateOnly? LastVisit { get; init; }
    public int? DaysSinceSurgery { get; init; }
    public NextVisit? Next { get; set; }
}
