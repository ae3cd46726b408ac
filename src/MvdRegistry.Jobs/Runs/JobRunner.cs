using Hangfire;
using Hangfire.Server;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;

namespace MvdRegistry.Jobs.Runs;

/// <summary>
/// The one way a job runs and records its run row. Every job calls <see cref="RunAsync"/> with its
/// work; the runner
/// - holds a distributed lock on the run, so two copies of one run (a retry racing a late worker,
///   an enqueue repeated) run one after the other, and the second finds the run done and does nothing;
/// - moves the row queued → running (the row version decides against a cancel at the same moment);
/// - records progress, then succeeded with rows and output, or the failure: on a retry the row goes
///   back to queued with the error kept; on the last attempt it is failed with that error;
/// - records cancelled when the Hangfire job was deleted (cancelled) under it, and queued again when
///   the server shuts down under it (Hangfire resumes it later).
/// </summary>
public sealed class JobRunner(IServiceScopeFactory scopes, JobStorage storage, TimeProvider clock, ILogger<JobRunner> log)
{
    /// <summary>How long a second copy of a run waits for the first before it gives up (and is retried).</summary>
    public static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(5);

    public async Task RunAsync(long runId, PerformContext? context, CancellationToken ct,
        Func<JobRun, JobProgress, CancellationToken, Task<JobOutcome>> work)
    {
        using var connection = storage.GetConnection();
        using var _ = connection.AcquireDistributedLock($"mvd:job-run:{runId}", LockTimeout);

        var run = await StartAsync(runId, context?.BackgroundJob.Id);
        if (run is null) return;

        var progress = new JobProgress(runId, UpdateAsync);
        try
        {
            var outcome = await work(run, progress, ct);
            await UpdateAsync(runId, r =>
            {
                r.Status = JobRunStatus.Succeeded;
                r.FinishedAt = Now;
                r.ProgressPercent = 100;
                r.ProgressText = "Done";
                r.Rows = outcome.Rows;
                r.Output = outcome.Output;
                r.Error = null;
            }, CancellationToken.None);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            var deleted = context is not null && connection.GetStateData(context.BackgroundJob.Id)?.Name == DeletedState.StateName;
            await UpdateAsync(runId, r =>
            {
                r.Status = deleted ? JobRunStatus.Cancelled : JobRunStatus.Queued;
                r.FinishedAt = deleted ? Now : null;
                r.ProgressText = deleted ? "Cancelled" : "Interrupted by a server shutdown; it will resume";
            }, CancellationToken.None);
            throw;
        }
        catch (Exception e)
        {
            var attempt = (context?.GetJobParameter<int>("RetryCount") ?? 0) + 1;
            var last = attempt > RetriesOf(context);
            log.LogWarning(e, "Job run {RunId} attempt {Attempt} failed{Last}", runId, attempt, last ? " (last attempt)" : "");
            await UpdateAsync(runId, r =>
            {
                r.Status = last ? JobRunStatus.Failed : JobRunStatus.Queued;
                r.FinishedAt = last ? Now : null;
                r.Error = Describe(e);
                r.ProgressText = last ? $"Failed after {attempt} attempts" : $"Attempt {attempt} failed; retrying";
            }, CancellationToken.None);
            throw;
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The run as it starts, or null when there is nothing to do (done already, or cancelled).</summary>
    private async Task<JobRun?> StartAsync(long runId, string? hangfireJobId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var run = await db.JobRuns.SingleOrDefaultAsync(r => r.Id == runId)
            ?? throw new InvalidOperationException($"job run {runId} does not exist");
        if (run.Status is JobRunStatus.Succeeded or JobRunStatus.Cancelled)
        {
            log.LogInformation("Job run {RunId} is already {Status}: nothing to do", runId, run.Status);
            return null;
        }
        // The launcher records the Hangfire job's id just after enqueuing, so a worker quick to take the
        // job may find the row changed under it: a change that is not a cancel is taken and the start retried.
        for (var attempt = 1; ; attempt++)
        {
            run.Status = JobRunStatus.Running;
            run.StartedAt = Now;
            run.FinishedAt = null;
            run.ProgressPercent = 0;
            run.ProgressText = "Started";
            run.HangfireJobId = hangfireJobId ?? run.HangfireJobId;
            try
            {
                await db.SaveChangesAsync();
                break;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                await db.Entry(run).ReloadAsync();
                if (run.Status is JobRunStatus.Succeeded or JobRunStatus.Cancelled)
                {
                    // Cancelled at this very moment: the cancel won.
                    log.LogInformation("Job run {RunId} changed as it started ({Status}): nothing to do", runId, run.Status);
                    return null;
                }
            }
        }
        return run;
    }

    private async Task UpdateAsync(long runId, Action<JobRun> change, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var run = await db.JobRuns.SingleAsync(r => r.Id == runId, ct);
        change(run);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The retries the job's <see cref="AutomaticRetryAttribute"/> allows (Hangfire's default 10 without one).</summary>
    private static int RetriesOf(PerformContext? context)
    {
        if (context is null) return 0;
        var type = context.BackgroundJob.Job.Type;
        var attribute = (AutomaticRetryAttribute?)Attribute.GetCustomAttribute(context.BackgroundJob.Job.Method, typeof(AutomaticRetryAttribute))
            ?? (AutomaticRetryAttribute?)Attribute.GetCustomAttribute(type, typeof(AutomaticRetryAttribute));
        return attribute?.Attempts ?? AutomaticRetryAttribute.DefaultRetryAttempts;
    }

    private static string Describe(Exception e)
    {
        var text = $"{e.GetType().Name}: {e.Message}";
        return text.Length <= 4000 ? text : text[..4000];
    }
}
