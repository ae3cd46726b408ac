using System.Text.Json.Nodes;
using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;
using MvdRegistry.Jobs.Runs;
using MvdRegistry.IntegrationTests.Infrastructure;
using MvdRegistry.Jobs.Hosting;
using MvdRegistry.Jobs.Statistics;
using MvdRegistry.Application.Statistics;
using MvdRegistry.Application.Statistics.Snapshots;

namespace MvdRegistry.IntegrationTests.Jobs;

/// <summary>Jobs on real Hangfire servers on the database's own storage: results, repeats, retries, cancels.</summary>
public abstract class JobRunTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private static readonly DateOnly AsOf = new(2026, 11, 25);

    [Fact]
    public async Task A_statistics_run_stores_the_same_json_as_stats_and_records_its_run()
    {
        Assert.Equal(0, (await CliRun.RunAsync(Database.Configuration, "import", Paths.ReferenceSmall)).ExitCode);
        await using var server = await JobServer.StartAsync(Database);

        var queued = await server.EnqueueAsync(l => StatisticsJob.EnqueueAsync(l, AsOf, "researcher"));
        var run = await server.WaitForRunAsync(queued.Id, r => r.IsFinished);

        var cli = Path.Combine(server.OutputFolder, "cli.json");
        Assert.Equal(0, (await CliRun.RunAsync(Database.Configuration, "stats", "--json", cli, "--as-of", "2026-11-25")).ExitCode);
        Assert.Equal(JobRunStatus.Succeeded, run.Status);
        await using var db = Database.NewContext();
        var snapshot = await db.StatisticsSnapshots.SingleAsync();
        Assert.Equal(StatisticsJob.OutputOf(snapshot.Id), run.Output);
        Assert.Equal(await File.ReadAllTextAsync(cli), snapshot.Json);
        Assert.Equal(("", AsOf, "researcher", (long?)run.Id), (snapshot.FilterKey, snapshot.AsOf, snapshot.ComputedBy, snapshot.RunId));
        Assert.Equal((await DataFingerprint.ReadAsync(db)).ToString(), snapshot.Fingerprint);
        Assert.Equal((int)JsonNode.Parse(await File.ReadAllTextAsync(cli))!["population"]!["operations"]!, run.Rows);
        Assert.Equal(("statistics", "researcher", 100, "{\"AsOf\":\"2026-11-25\",\"Filter\":null}"), (run.Kind, run.RequestedBy, run.ProgressPercent, run.Parameters));
        Assert.True(run.QueuedAt <= run.StartedAt && run.StartedAt <= snapshot.ComputedAt && snapshot.ComputedAt <= run.FinishedAt);
        Assert.Null(run.Error);
        Assert.Equal(SucceededState.StateName, await server.WaitForStateAsync(run.HangfireJobId!, SucceededState.StateName));
    }

    [Fact]
    public async Task A_filtered_statistics_run_stores_the_snapshot_of_its_filter_only()
    {
        Assert.Equal(0, (await CliRun.RunAsync(Database.Configuration, "import", Paths.ReferenceSmall)).ExitCode);
        await using var server = await JobServer.StartAsync(Database);
        var filter = new StatisticsFilter { Indication = "HFS", Sites = ["SEO", "HOU"], From = 2012 };

        var queued = await server.EnqueueAsync(l => StatisticsJob.EnqueueAsync(l, AsOf, filter, "researcher"));
        var run = await server.WaitForRunAsync(queued.Id, r => r.IsFinished);

        await using var db = Database.NewContext();
        var snapshot = await db.StatisticsSnapshots.SingleAsync();
        Assert.Equal((JobRunStatus.Succeeded, "indication=HFS;sites=HOU,SEO;from=2012"), (run.Status, snapshot.FilterKey));
        var start = new DateOnly(2012, 1, 1);
        var operations = await db.Operations.CountAsync(o => o.Indication == "HFS" && (o.Patient!.SiteCode == "HOU" || o.Patient!.SiteCode == "SEO")
            && o.SurgeryDate >= start && o.Patient!.ConsentStatus != "withdrawn");
        Assert.True(operations > 0);
        Assert.Equal(operations, (int)JsonNode.Parse(snapshot.Json)!["population"]!["operations"]!);
        Assert.Equal(operations, run.Rows);
    }

    [Fact]
    public async Task A_statistics_run_enqueued_again_after_it_succeeded_changes_nothing()
    {
        Assert.Equal(0, (await CliRun.RunAsync(Database.Configuration, "import", Paths.ReferenceSmall)).ExitCode);
        await using var server = await JobServer.StartAsync(Database);
        var first = await server.WaitForRunAsync((await server.EnqueueAsync(l => StatisticsJob.EnqueueAsync(l, AsOf, "admin"))).Id, r => r.IsFinished);

        var again = server.Client.Enqueue<StatisticsJob>(job => job.RunAsync(first.Id, null, CancellationToken.None));
        await server.WaitForStateAsync(again, SucceededState.StateName);

        var second = await server.RunAsync(first.Id);
        Assert.Equal(JobRunStatus.Succeeded, second.Status);
        Assert.Equal((first.StartedAt, first.FinishedAt, first.Rows, first.Output, first.Version), (second.StartedAt, second.FinishedAt, second.Rows, second.Output, second.Version));
        await using var db = Database.NewContext();
        Assert.Equal(1, await db.JobRuns.CountAsync());
        Assert.Equal(1, await db.StatisticsSnapshots.CountAsync());
    }

    [Fact]
    public async Task Two_copies_of_one_run_at_the_same_time_do_its_work_once()
    {
        await using var server = await JobServer.StartAsync(Database);
        var token = TestToken.New();
        var run = await server.EnqueueAsync(l => CountingJob.EnqueueAsync(l, token));
        var copy = server.Client.Enqueue<CountingJob>(job => job.RunAsync(run.Id, null, CancellationToken.None));

        await server.WaitForStateAsync(run.HangfireJobId!, SucceededState.StateName);
        await server.WaitForStateAsync(copy, SucceededState.StateName);

        Assert.Equal(1, CountingJob.Executions[$"{{\"Token\":\"{token.Token}\"}}"]);
        var done = await server.RunAsync(run.Id);
        Assert.Equal((JobRunStatus.Succeeded, 1, "counted"), (done.Status, done.Rows, done.Output));
    }

    [Fact]
    public async Task A_failing_job_is_retried_then_recorded_as_failed_with_its_last_error()
    {
        await using var server = await JobServer.StartAsync(Database);
        var token = TestToken.New();
        var queued = await server.EnqueueAsync(l => FailingJob.EnqueueAsync(l, token));

        var run = await server.WaitForRunAsync(queued.Id, r => r.Status == JobRunStatus.Failed);

        Assert.Equal(3, FailingJob.Attempts[$"{{\"Token\":\"{token.Token}\"}}"]);
        Assert.Equal("TimeoutException: the database did not answer (attempt 3)", run.Error);
        Assert.Equal("Failed after 3 attempts", run.ProgressText);
        Assert.NotNull(run.FinishedAt);
        Assert.Equal(FailedState.StateName, await server.WaitForStateAsync(run.HangfireJobId!, FailedState.StateName));
    }

    [Fact]
    public async Task A_transient_failure_is_retried_and_the_run_succeeds()
    {
        await using var server = await JobServer.StartAsync(Database);
        var token = TestToken.New();
        var queued = await server.EnqueueAsync(l => FlakyJob.EnqueueAsync(l, token));

        var run = await server.WaitForRunAsync(queued.Id, r => r.IsFinished);

        Assert.Equal((JobRunStatus.Succeeded, 2, "done on attempt 2", null), (run.Status, run.Rows, run.Output, run.Error));
        Assert.Equal(2, FlakyJob.Attempts[$"{{\"Token\":\"{token.Token}\"}}"]);
    }

    [Fact]
    public async Task A_cancelled_queued_run_never_runs()
    {
        var token = TestToken.New();
        var schema = JobServer.NewSchema();
        JobRun run;
        await using (var client = await JobServer.StartAsync(Database, JobHost.Client, schema))
        {
            run = await client.EnqueueAsync(l => CountingJob.EnqueueAsync(l, token));
            await using var scope = client.Services.CreateAsyncScope();
            var launcher = scope.ServiceProvider.GetRequiredService<JobLauncher>();
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            Assert.True(await launcher.CancelAsync(await db.JobRuns.SingleAsync(r => r.Id == run.Id), "admin"));
            Assert.Equal(DeletedState.StateName, client.StateOf(run.HangfireJobId!));
        }

        await using var server = await JobServer.StartAsync(Database, schema: schema);
        // A copy enqueued by hand after the cancel (as from the dashboard) finds the run cancelled.
        var copy = server.Client.Enqueue<CountingJob>(job => job.RunAsync(run.Id, null, CancellationToken.None));
        await server.WaitForStateAsync(copy, SucceededState.StateName);

        var cancelled = await server.RunAsync(run.Id);
        Assert.Equal((JobRunStatus.Cancelled, "Cancelled by admin"), (cancelled.Status, cancelled.ProgressText));
        Assert.False(CountingJob.Executions.ContainsKey($"{{\"Token\":\"{token.Token}\"}}"));
    }

    [Fact]
    public async Task A_run_that_has_started_can_no_longer_be_cancelled()
    {
        await using var server = await JobServer.StartAsync(Database);
        var run = await server.EnqueueAsync(l => CountingJob.EnqueueAsync(l, TestToken.New()));
        await server.WaitForRunAsync(run.Id, r => r.Status == JobRunStatus.Running);

        await using var scope = server.Services.CreateAsyncScope();
        var launcher = scope.ServiceProvider.GetRequiredService<JobLauncher>();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        Assert.False(await launcher.CancelAsync(await db.JobRuns.SingleAsync(r => r.Id == run.Id), "admin"));

        Assert.Equal(JobRunStatus.Succeeded, (await server.WaitForRunAsync(run.Id, r => r.IsFinished)).Status);
    }

    [Fact]
    public async Task A_reset_empties_the_registry_tables_and_leaves_Hangfire_alone()
    {
        // Hangfire's tables where the registry keeps them, so that the reset is the one a deployment gets.
        await using var server = await JobServer.StartAsync(Database, schema: JobsOptions.DefaultSchema);
        var run = await server.EnqueueAsync(l => CountingJob.EnqueueAsync(l, TestToken.New()));
        await server.WaitForRunAsync(run.Id, r => r.IsFinished);
        await server.WaitForStateAsync(run.HangfireJobId!, SucceededState.StateName);

        // A respawner made now, with Hangfire's tables present, with the options the fixture resets with.
        await Database.ResetWithNewRespawnerAsync();

        await using var db = Database.NewContext();
        Assert.Equal(0, await db.JobRuns.CountAsync());
        Assert.Equal(SucceededState.StateName, server.StateOf(run.HangfireJobId!));
    }
}

[Collection(HangfireHosts.Name)]
public sealed class SqliteJobRunTests(SqliteTestDatabase database) : JobRunTests<SqliteTestDatabase>(database);

[Collection(HangfireHosts.Name)]
public sealed class PostgresJobRunTests(PostgresTestDatabase database) : JobRunTests<PostgresTestDatabase>(database);
