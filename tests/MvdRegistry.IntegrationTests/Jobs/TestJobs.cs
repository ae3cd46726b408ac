using System.Collections.Concurrent;
using Hangfire;
using Hangfire.Server;
using MvdRegistry.Core.Model;
using MvdRegistry.Jobs.Runs;

namespace MvdRegistry.IntegrationTests.Jobs;

// Test-only jobs, built on the same JobRunner as the registry's own. Their runs carry a unique token as
// parameters, so that what they count stays apart between test classes running at the same time.

public sealed record TestToken(string Token)
{
    public static TestToken New() => new(Guid.NewGuid().ToString("N"));
}

/// <summary>Counts how often its work really runs, and takes long enough for a second copy to collide with it.</summary>
public sealed class CountingJob(JobRunner runner)
{
    public static readonly ConcurrentDictionary<string, int> Executions = new();

    public static Task<JobRun> EnqueueAsync(JobLauncher launcher, TestToken token) =>
        launcher.EnqueueAsync<CountingJob>("counting", token, "tester", id => job => job.RunAsync(id, null, CancellationToken.None));

    public Task RunAsync(long runId, PerformContext? context, CancellationToken cancellationToken) =>
        runner.RunAsync(runId, context, cancellationToken, async (run, progress, ct) =>
        {
            Executions.AddOrUpdate(run.Parameters, 1, (_, n) => n + 1);
            await progress.ReportAsync(50, "Halfway", ct);
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
            return new JobOutcome(1, "counted");
        });
}

/// <summary>Fails on every attempt, naming the attempt; retried twice, one second apart.</summary>
[AutomaticRetry(Attempts = 2, DelaysInSeconds = new[] { 1, 1 })]
public sealed class FailingJob(JobRunner runner)
{
    public static readonly ConcurrentDictionary<string, int> Attempts = new();

    public static Task<JobRun> EnqueueAsync(JobLauncher launcher, TestToken token) =>
        launcher.EnqueueAsync<FailingJob>("failing", token, "tester", id => job => job.RunAsync(id, null, CancellationToken.None));

    public Task RunAsync(long runId, PerformContext? context, CancellationToken cancellationToken) =>
        runner.RunAsync(runId, context, cancellationToken, (run, _, _) =>
        {
            var attempt = Attempts.AddOrUpdate(run.Parameters, 1, (_, n) => n + 1);
            throw new TimeoutException($"the database did not answer (attempt {attempt})");
        });
}

/// <summary>Fails on its first attempt only: a transient failure.</summary>
[AutomaticRetry(Attempts = 2, DelaysInSeconds = new[] { 1, 1 })]
public sealed class FlakyJob(JobRunner runner)
{
    public static readonly ConcurrentDictionary<string, int> Attempts = new();

    public static Task<JobRun> EnqueueAsync(JobLauncher launcher, TestToken token) =>
        launcher.EnqueueAsync<FlakyJob>("flaky", token, "tester", id => job => job.RunAsync(id, null, CancellationToken.None));

    public Task RunAsync(long runId, PerformContext? context, CancellationToken cancellationToken) =>
        runner.RunAsync(runId, context, cancellationToken, (run, _, _) =>
        {
            var attempt = Attempts.AddOrUpdate(run.Parameters, 1, (_, n) => n + 1);
            if (attempt == 1) throw new TimeoutException("the database did not answer (attempt 1)");
            return Task.FromResult(new JobOutcome(attempt, "done on attempt " + attempt));
        });
}
