using Microsoft.EntityFrameworkCore;
using MvdRegistry.Application.Statistics;
using MvdRegistry.Application.Statistics.Snapshots;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Statistics.Snapshot;
using MvdRegistry.Data;
using MvdRegistry.Reporting.Reports;

namespace MvdRegistry.Jobs.Reports;

/// <summary>
/// The one way the outcome report is made, for <c>mvd report outcomes</c> and the report job alike:
/// the statistics of the filter are computed and stored as a snapshot (<see cref="SnapshotComputation"/>,
/// so the workbook's numbers are the statistics page's), then the workbook is written from that
/// snapshot through a temporary file moved into place.
/// </summary>
public static class OutcomeReportMaking
{
    /// <summary>The workbook written, the snapshot it shows (stored and as statistics) and its scope.</summary>
    public sealed record Result(string Path, StatisticsSnapshot Stored, RegistrySnapshot Statistics, OutcomeReportScope Scope);

    /// <summary>The filter's site codes the registry does not have (a report of them would be empty).</summary>
    public static async Task<(string[] Unknown, IReadOnlyDictionary<string, string> Names)> SitesAsync(RegistryDbContext db, StatisticsFilter filter, CancellationToken ct = default)
    {
        var names = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.Name, StringComparer.Ordinal, ct);
        return (filter.Sites.Where(s => !names.ContainsKey(s)).ToArray(), names);
    }

    public static async Task<Result> WriteAsync(RegistryDbContext db, StatisticsFilter filter, DateOnly asOf, string requestedBy, long? runId,
        string pseudonymKey, bool surgeonCodes, string path, TimeProvider clock, Func<SnapshotComputation.Progress, Task> progress, CancellationToken ct = default)
    {
        var (_, siteNames) = await SitesAsync(db, filter, ct);
        var (stored, statistics) = await SnapshotComputation.ComputeAsync(db, filter, asOf, requestedBy, runId, clock, progress, ct);
        var codes = await db.Surgeons.AsNoTracking().Select(s => s.Code).ToListAsync(ct);
        var surgeons = new SurgeonNames(codes, pseudonymKey, real: surgeonCodes, own: null, siteFiltered: filter.Sites.Count > 0);
        var dataAsOf = new DateTimeOffset(DateTime.SpecifyKind(stored.ComputedAt, DateTimeKind.Utc)).ToLocalTime();
        var scope = new OutcomeReportScope(filter, dataAsOf, clock.GetLocalNow(), siteNames, surgeons);

        await progress(new(95, "Writing the workbook"));
        ct.ThrowIfCancellationRequested();
        OutcomeReport.WriteFile(statistics, scope, path);
        return new Result(path, stored, statistics, scope);
    }
}
