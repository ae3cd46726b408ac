using Microsoft.EntityFrameworkCore;
using MvdRegistry.Application.Scheduling;
using MvdRegistry.Application.Statistics;
using MvdRegistry.Application.Statistics.Snapshots;
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

    public required DateOnly Today { get; init; }

    /// <summary>Whether the lists are the surgeon's own operations (their surgeon code) or all of their sites'.</summary>
    public required bool OwnOperations { get; init; }

    /// <summary>
    /// The first <see cref="Shown"/> overdue follow-ups, most recently due first, and how many there are: the stored
    /// overdue lists read as /FollowUps/Overdue reads them (<see cref="OverdueLists"/>).
    /// </summary>
    public required OverdueListing Overdue { get; init; }

    public int OverdueCount => Overdue.Total;

    public required IReadOnlyList<RecentEntry> Recent { get; init; }

    /// <summary>Operations in their one-year window now (day 270 to 539) with no visit in it yet: the visit can still be made.</summary>
    public required int OneYearOpenCount { get; init; }

    /// <summary>The first <see cref="Shown"/> of them, the window closing soonest first.</summary>
    public required IReadOnlyList<WorklistOperation> OneYearOpen { get; init; }

    /// <summary>Operations whose one-year window has closed without a visit: each counts against the capture rate.</summary>
    public required int OneYearMissedCount { get; init; }

    /// <summary>The first <see cref="Shown"/> of them, the most recently closed first (a visit made but not entered is found there).</summary>
    public required IReadOnlyList<WorklistOperation> OneYearMissed { get; init; }

    /// <summary>
    /// One-year capture per granted site (OUTCOMES.md item 9): the Core's <see cref="CompletenessSection"/> as the
    /// whole registry's latest statistics snapshot holds it (nightly), as of <see cref="CaptureAsOf"/>; empty before the first snapshot.
    /// </summary>
    public required IReadOnlyList<CompletenessRow> Capture { get; init; }

    /// <summary>The date the capture rates were judged against; null when no snapshot exists yet.</summary>
    public DateOnly? CaptureAsOf { get; init; }

    /// <summary>The worklist of <paramref name="user"/>; the capture's snapshot values kept once per snapshot in <paramref name="snapshots"/> (the web host's).</summary>
    public static async Task<SurgeonWorklist> LoadAsync(RegistryDbContext db, OverdueLists overdueLists, SnapshotValuesCache snapshots, IActingUser user, DateOnly today,
        CancellationToken ct = default)
    {
        var sites = user.Sites.ToList();
        var granted = db.Operations.AsNoTracking().Where(o => sites.Contains(o.Patient!.SiteCode!));
        var surgeon = user.SurgeonCode;
        var own = surgeon is null ? granted : granted.Where(o => o.SurgeonCode == surgeon);

        var missing = own.ExpectingFollowUp().WithoutOneYearVisit();
        // In the window now: operated from WindowEnd - 1 to WindowStart days ago; closed: WindowEnd days ago or more.
        DateOnly? openFrom = today.AddDays(-(OneYearVisit.WindowEnd - 1)), openTo = today.AddDays(-OneYearVisit.WindowStart), closedTo = today.AddDays(-OneYearVisit.WindowEnd);
        var open = missing.Where(o => o.SurgeryDate >= openFrom && o.SurgeryDate <= openTo);
        var closed = missing.Where(o => o.SurgeryDate <= closedTo);
        var (capture, asOf) = await CaptureAsync(db, snapshots, sites, ct);

        return new SurgeonWorklist
        {
            Today = today,
            OwnOperations = surgeon is not null,
            Overdue = await overdueLists.ForUserAsync(user, mineOnly: surgeon is not null, skip: 0, take: Shown, ct),
            Recent = await RecentEntries.LoadAsync(db, user, Shown, ct),
            OneYearOpenCount = await open.CountAsync(ct),
            // The window closing soonest first: the earliest operated.
            OneYearOpen = Rows(await Project(open.OrderBy(o => o.SurgeryDate).ThenBy(o => o.CaseId)).Take(Shown).ToListAsync(ct), today),
            OneYearMissedCount = await closed.CountAsync(ct),
            OneYearMissed = Rows(await Project(closed.OrderByDescending(o => o.SurgeryDate).ThenBy(o => o.CaseId)).Take(Shown).ToListAsync(ct), today),
            Capture = capture,
            CaptureAsOf = asOf,
        };
    }

    private static IQueryable<WorklistOperation> Project(IQueryable<Operation> operations) => operations.Select(o => new WorklistOperation
    {
        CaseId = o.CaseId, PatientId = o.PatientId, Mrn = o.Patient!.Mrn, Site = o.Patient.SiteCode,
        Indication = o.Indication, Side = o.Side, SurgeryDate = o.SurgeryDate,
        LastVisit = o.FollowUps.Max(f => f.VisitDate),
    });

    private static List<WorklistOperation> Rows(List<WorklistOperation> rows, DateOnly today)
    {
        foreach (var row in rows) row.DaysSinceSurgery = row.SurgeryDate is { } s ? today.DayNumber - s.DayNumber : null;
        return rows;
    }

    /// <summary>
    /// The granted sites' rows of the completeness the latest whole-registry snapshot holds (counts only),
    /// so the home page never loads a site's operations; a granted site without a row has no operation.
    /// </summary>
    private static async Task<(IReadOnlyList<CompletenessRow>, DateOnly?)> CaptureAsync(RegistryDbContext db, SnapshotValuesCache snapshots, List<string> sites,
        CancellationToken ct)
    {
        if (await SnapshotStore.LatestHeadAsync(db, new StatisticsFilter(), ct) is not { } head) return ([], null);
        var completeness = (await snapshots.ValuesAsync(head, ct)).Statistics.Completeness;
        var rows = sites.Order(StringComparer.Ordinal)
            .Select(s => completeness.Sites.FirstOrDefault(r => r.Site == s) ?? new CompletenessRow(s, 0, Core.Statistics.Proportion.Wilson(0, 0), 0))
            .ToList();
        return (rows, completeness.AsOf);
    }
}

/// <summary>An operation on a worklist: who, what, when, and (overdue lists) the next visit.</summary>
public sealed class WorklistOperation
{
    public string CaseId { get; init; } = "";
    public string PatientId { get; init; } = "";
    public string? Mrn { get; init; }
    public string? Site { get; init; }
    public string? Indication { get; init; }
    public string? Side { get; init; }
    public DateOnly? SurgeryDate { get; init; }
    public DateOnly? LastVisit { get; init; }
    public int? DaysSinceSurgery { get; set; }
}
