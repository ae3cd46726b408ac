using Hangfire;
using Hangfire.Server;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Application.Scheduling;
using MvdRegistry.Data;
using MvdRegistry.Jobs.Hosting;
using MvdRegistry.Jobs.Runs;

namespace MvdRegistry.Jobs.FollowUps;

/// <summary>
/// Computes the overdue follow-up list of every site (OUTCOMES.md, Statistics item 9) as of today and
/// stores it, each site's list replaced in one transaction, for /FollowUps/Overdue and the case list to
/// read. Run twice, it stores the same lists; run again after it succeeded, it finds the run done.
/// </summary>
[AutomaticRetry(Attempts = 3)]
public sealed class OverdueJob(JobRunner runner, RegistryDbContext db, OverdueListStore store)
{
    public const string Kind = "overdue-follow-ups";

    /// <summary>Nothing but the run's id reaches the Hangfire job; the run row's parameters are empty: every site.</summary>
    public sealed record Parameters;

    public static Task<Core.Model.JobRun> EnqueueAsync(JobLauncher launcher, string requestedBy, CancellationToken ct = default) =>
        launcher.EnqueueAsync<OverdueJob>(Kind, new Parameters(), requestedBy, id => job => job.RunAsync(id, null, CancellationToken.None), ct);

    /// <summary>The output a run records.</summary>
    public static string OutputOf(int sites) => sites == 1 ? "1 site's list" : $"{sites} sites' lists";

    [Queue(JobQueues.Default)]
    public Task RunAsync(long runId, PerformContext? context, CancellationToken cancellationToken) =>
        runner.RunAsync(runId, context, cancellationToken, async (run, progress, ct) =>
        {
            var sites = await db.Sites.AsNoTracking().OrderBy(s => s.Code).Select(s => s.Code).ToListAsync(ct);
            var overdue = 0;
            for (var i = 0; i < sites.Count; i++)
            {
                ct.ThrowIfCancellationRequested();
                await progress.ReportAsync(100 * i / sites.Count, $"Site {sites[i]} ({i + 1} of {sites.Count})", ct);
                overdue += await store.ReplaceSiteAsync(sites[i], run.RequestedBy, run.Id, ct);
            }
            return new JobOutcome(overdue, OutputOf(sites.Count));
        });
}
