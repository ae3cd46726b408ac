using System.Text.Json;
using Hangfire;
using Hangfire.Server;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Model;
using MvdRegistry.Application.Statistics;
using MvdRegistry.Application.Statistics.Snapshots;
using MvdRegistry.Data;
using MvdRegistry.Jobs.Hosting;
using MvdRegistry.Jobs.Runs;

namespace MvdRegistry.Jobs.Statistics;

/// <summary>
/// Computes every statistic of OUTCOMES.md over the whole registry or one filter, as
/// <c>mvd stats --json</c> does, and stores it as a statistics snapshot (the run's output names it).
/// Run again after it succeeded, it finds the run done and stores nothing.
/// </summary>
[AutomaticRetry(Attempts = 3)]
public sealed class StatisticsJob(JobRunner runner, RegistryDbContext db, TimeProvider clock)
{
    public const string Kind = "statistics";

    /// <summary>The filter holds codes and years only: no clinical value reaches the job's arguments.</summary>
    public sealed record Parameters(DateOnly AsOf, StatisticsFilter? Filter = null);

    public static Task<Core.Model.JobRun> EnqueueAsync(JobLauncher launcher, DateOnly asOf, string requestedBy, CancellationToken ct = default) =>
        EnqueueAsync(launcher, asOf, new StatisticsFilter(), requestedBy, ct);

    public static Task<Core.Model.JobRun> EnqueueAsync(JobLauncher launcher, DateOnly asOf, StatisticsFilter filter, string requestedBy, CancellationToken ct = default) =>
        launcher.EnqueueAsync<StatisticsJob>(Kind, new Parameters(asOf, filter.IsEmpty ? null : filter), requestedBy,
            id => job => job.RunAsync(id, null, CancellationToken.None), ct);

    /// <summary>The statistics run queued or running for this filter, if any (a second request joins it).</summary>
    public static async Task<JobRun?> PendingAsync(RegistryDbContext db, StatisticsFilter filter, CancellationToken ct = default)
    {
        var key = filter.Key();
        var pending = await db.JobRuns.AsNoTracking()
            .Where(r => r.Kind == Kind && (r.Status == JobRunStatus.Queued || r.Status == JobRunStatus.Running))
            .OrderByDescending(r => r.Id).ToListAsync(ct);
        return pending.FirstOrDefault(r => (JsonSerializer.Deserialize<Parameters>(r.Parameters)?.Filter ?? new StatisticsFilter()).Key() == key);
    }

    /// <summary>A statistics run, for a progress bar (statistics runs hold no clinical value); null for any other run.</summary>
    public static Task<JobRun?> RunAsync(RegistryDbContext db, long id, CancellationToken ct = default) =>
        db.JobRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.Kind == Kind, ct);

    /// <summary>The output a run records: the id of the snapshot it stored.</summary>
    public static string OutputOf(long snapshotId) => $"snapshot {snapshotId}";

    [Queue(JobQueues.Heavy)]
    public Task RunAsync(long runId, PerformContext? context, CancellationToken cancellationToken) =>
        runner.RunAsync(runId, context, cancellationToken, async (run, progress, ct) =>
        {
            var parameters = JsonSerializer.Deserialize<Parameters>(run.Parameters)!;
            var (stored, statistics) = await SnapshotComputation.ComputeAsync(db, parameters.Filter ?? new StatisticsFilter(),
                parameters.AsOf, run.RequestedBy, run.Id, clock, p => progress.ReportAsync(p.Percent, p.Text, ct), ct);
            return new JobOutcome(statistics.Population.Operations, OutputOf(stored.Id));
        });
}
