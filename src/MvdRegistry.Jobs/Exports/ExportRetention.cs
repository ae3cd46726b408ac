using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;
using MvdRegistry.Jobs.Hosting;

namespace MvdRegistry.Jobs.Exports;

/// <summary>
/// Removes the files of export runs finished <c>Jobs:ExportRetentionDays</c> days ago or more (a
/// recurring job, hourly). The run rows stay, so the Exports page shows such an export as expired,
/// and its audit row stays as the audit trail does.
/// </summary>
public sealed class ExportRetention(RegistryDbContext db, TimeProvider clock, IOptions<JobsOptions> options)
{
    public const string RecurringJobId = "export-retention";

    public const string Cron = "17 * * * *";

    /// <summary>When a run's files are removed.</summary>
    public static DateTime ExpiresAt(JobRun run, JobsOptions options) => (run.FinishedAt ?? run.QueuedAt).AddDays(options.ExportRetentionDays);

    /// <summary>Removes the expired files; answers how many files were removed.</summary>
    [Queue(JobQueues.Default)]
    [AutomaticRetry(Attempts = 0)]
    public async Task<int> RunAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var runs = await db.JobRuns.AsNoTracking().Where(r => r.Kind == ExportJob.Kind && r.Status == JobRunStatus.Succeeded).ToListAsync();
        var removed = 0;
        foreach (var run in runs.Where(r => ExpiresAt(r, options.Value) <= now))
        {
            foreach (var file in ExportJob.FilesOf(run, options.Value))
            {
                File.Delete(file);
                removed++;
            }
        }
        return removed;
    }
}
