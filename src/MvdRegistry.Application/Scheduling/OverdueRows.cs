using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Model;

namespace MvdRegistry.Application.Scheduling;

/// <summary>
/// The rows of the stored overdue list for a set of operations as of a date: the database narrows them
/// with <see cref="OverdueQuery"/>, and the Core's <see cref="Core.Statistics.Snapshot.FollowUpSchedule"/>
/// (through <see cref="NextVisit"/>) decides each one and names its first and latest missed visits.
/// </summary>
public static class OverdueRows
{
    public static async Task<List<OverdueOperation>> ComputeAsync(IQueryable<Operation> operations, DateOnly asOf, DateTime computedAt, CancellationToken ct) =>
        Decide(await Candidates(operations, asOf).AsNoTracking().ToListAsync(ct), asOf, computedAt);

    /// <summary>The operations the database finds overdue, with what the rule needs to decide each one (columns in this order).</summary>
    public static IQueryable<OverdueCandidate> Candidates(IQueryable<Operation> operations, DateOnly asOf) =>
        operations.Overdue(asOf).Select(o => new OverdueCandidate(
            o.CaseId, o.PatientId, o.Patient!.SiteCode, o.SurgeonCode, o.SurgeryDate, o.FollowUps.Max(f => f.VisitDate)));

    /// <summary>The rows of the candidates the Core's schedule finds overdue as of <paramref name="asOf"/>.</summary>
    public static List<OverdueOperation> Decide(IReadOnlyCollection<OverdueCandidate> found, DateOnly asOf, DateTime computedAt)
    {
        var rows = new List<OverdueOperation>(found.Count);
        foreach (var o in found)
        {
            var next = NextVisit.Of(o.SurgeryDate, o.LastVisit, expected: true, asOf);
            if (next.State != VisitState.Overdue) continue;
            rows.Add(new OverdueOperation
            {
                CaseId = o.CaseId,
                PatientId = o.PatientId,
                SiteCode = o.Site ?? "",
                SurgeonCode = o.SurgeonCode,
                SurgeryDate = o.SurgeryDate!.Value,
                FirstMissedDay = next.TargetDay!.Value,
                LatestMissedDay = next.LatestMissedDay!.Value,
                LatestMissedDate = next.LatestMissedDate!.Value,
                LastSeen = o.LastVisit ?? o.SurgeryDate.Value,
                SeenAtVisit = o.LastVisit is not null,
                AsOf = asOf,
                ComputedAt = computedAt,
            });
        }
        return rows;
    }
}

/// <summary>An operation the database finds overdue: what <see cref="NextVisit"/> needs to decide it, and its row's keys.</summary>
public sealed record OverdueCandidate(string CaseId, string PatientId, string? Site, string? SurgeonCode, DateOnly? SurgeryDate, DateOnly? LastVisit);
