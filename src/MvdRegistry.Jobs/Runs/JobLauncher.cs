using System.Linq.Expressions;
using System.Text.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;

namespace MvdRegistry.Jobs.Runs;

/// <summary>
/// Starts and cancels jobs: the run row first (queued, with who asked and the parameters), then the
/// Hangfire job that carries only the run's id.
/// </summary>
public sealed class JobLauncher(RegistryDbContext db, IBackgroundJobClient client, TimeProvider clock)
{
    public async Task<JobRun> EnqueueAsync<TJob>(string kind, object parameters, string requestedBy,
        Func<long, Expression<Func<TJob, Task>>> call, CancellationToken ct = default)
    {
        var run = new JobRun
        {
            Kind = kind,
            Parameters = JsonSerializer.Serialize(parameters),
            RequestedBy = requestedBy,
            Status = JobRunStatus.Queued,
            ProgressText = "Waiting for a worker",
            QueuedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.JobRuns.Add(run);
        await db.SaveChangesAsync(ct);
        var hangfireJobId = client.Enqueue(call(run.Id));
        // Recorded without the row version: a worker may already be starting the run (it records the same id).
        await db.JobRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.HangfireJobId, hangfireJobId), ct);
        var stored = db.Entry(run).Property(r => r.HangfireJobId);
        stored.CurrentValue = hangfireJobId;
        stored.OriginalValue = hangfireJobId;
        return run;
    }

    /// <summary>
    /// Cancels a queued run. False when it is no longer queued (it started, finished or was cancelled
    /// already, including by a worker that took it at this very moment).
    /// </summary>
    public async Task<bool> CancelAsync(JobRun run, string by, CancellationToken ct = default)
    {
        if (run.Status != JobRunStatus.Queued) return false;
        run.Status = JobRunStatus.Cancelled;
        run.FinishedAt = clock.GetUtcNow().UtcDateTime;
        run.ProgressText = $"Cancelled by {by}";
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
        if (run.HangfireJobId is { } id) client.Delete(id);
        return true;
    }
}
