using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Model;
using MvdRegistry.IntegrationTests.Infrastructure;
using MvdRegistry.Jobs.Hosting;
using MvdRegistry.Jobs.Statistics;
using Npgsql;
using Xunit.Abstractions;

namespace MvdRegistry.IntegrationTests.Jobs;

/// <summary>
/// Scale-out: the real Worker started twice, as two processes, on one PostgreSQL database and one
/// Hangfire queue, with statistics runs enqueued as the pages enqueue them. PostgreSQL only: SQLite is
/// the embedded single-machine setup (its queue is a file beside the registry's, which workers on other
/// machines cannot share), and tests/run.sh starts no SQL Server. Which worker ran a job is read from
/// the job's Hangfire history: each Processing state names the server, and each worker's servers are
/// the ones that appeared when it started. Every wait is bounded; the processes are killed in any case.
/// </summary>
public sealed class ScaleOutTests(PostgresTestDatabase database, ITestOutputHelper output) : RegistryTests<PostgresTestDatabase>(database)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private static readonly DateOnly AsOf = new(2026, 11, 25);

    /// <summary>Short, so that the job of a killed worker comes back to the queue within the test.</summary>
    private static readonly TimeSpan InvisibilityTimeout = TimeSpan.FromSeconds(10);

    private readonly string _schema = JobServer.NewSchema();

    [Fact]
    public async Task Two_worker_processes_share_fifty_statistics_runs_and_run_each_once()
    {
        Assert.Equal(0, (await CliRun.RunAsync(Database.Configuration, "seed-demo", "--patients", "20")).ExitCode);
        await using var client = await JobServer.StartAsync(Database, JobHost.Client, _schema);
        await using var first = await StartWorkerAsync(client);
        await using var second = await StartWorkerAsync(client);

        // Fifty runs told apart by their as-of dates.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var asOfs = new Dictionary<long, DateOnly>();
        for (var i = 0; i < 50; i++)
        {
            var asOf = AsOf.AddDays(-i);
            asOfs.Add((await client.EnqueueAsync(l => StatisticsJob.EnqueueAsync(l, asOf, "researcher"))).Id, asOf);
        }
        var ids = asOfs.Keys.ToHashSet();
        await WaitAsync(async () =>
        {
            await using var db = Database.NewContext();
            return await db.JobRuns.CountAsync(r => ids.Contains(r.Id) && r.FinishedAt != null) == 50;
        }, "50 finished runs", client, first, second);

        await using var db = Database.NewContext();
        var runs = await db.JobRuns.AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync();
        var snapshots = await db.StatisticsSnapshots.AsNoTracking().ToListAsync();
        Assert.Equal(50, runs.Count(r => r.Status == JobRunStatus.Succeeded));
        Assert.Equal(50, snapshots.Count);
        Assert.Equal(ids.Order(), snapshots.Select(s => s.RunId!.Value).Order());
        foreach (var run in runs)
        {
            var snapshot = snapshots.Single(s => s.RunId == run.Id);
            Assert.Equal(StatisticsJob.OutputOf(snapshot.Id), run.Output);
            Assert.Equal(asOfs[run.Id], snapshot.AsOf);
            Assert.True(run.QueuedAt <= run.StartedAt && run.StartedAt <= snapshot.ComputedAt && snapshot.ComputedAt <= run.FinishedAt);
        }

        // Each job started once (one Processing state), on a server of one of the two processes, and both ran some.
        // (A run row is done inside its job; Hangfire moves the job to Succeeded only after the job method returns.)
        foreach (var run in runs) await client.WaitForStateAsync(run.HangfireJobId!, SucceededState.StateName);
        var processedOn = runs.Select(r => Assert.Single(ProcessingServers(client, r.HangfireJobId!))).ToList();
        var byFirst = processedOn.Count(first.Servers.Contains);
        var bySecond = processedOn.Count(second.Servers.Contains);
        output.WriteLine($"worker {first.Process.ProcessId} ran {byFirst} runs, worker {second.Process.ProcessId} ran {bySecond}; 50 runs in {watch.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(50, byFirst + bySecond);
        Assert.True(byFirst > 0 && bySecond > 0, $"one worker ran every job: {byFirst} and {bySecond}");
    }

    [Fact]
    public async Task A_worker_killed_in_the_middle_of_a_statistics_run_leaves_it_to_the_other_with_one_snapshot()
    {
        Assert.Equal(0, (await CliRun.RunAsync(Database.Configuration, "seed-demo", "--patients", "300")).ExitCode);
        await using var client = await JobServer.StartAsync(Database, JobHost.Client, _schema);
        await using var first = await StartWorkerAsync(client);
        await using var second = await StartWorkerAsync(client);

        // The run is held in the middle of its work by a transaction that locks the operations, as a long
        // transaction of someone else would: the worker's read of them waits. So the kill falls in the
        // middle of the run under any load, where a run over a small registry would race it.
        await using var gate = new NpgsqlConnection(Database.ConnectionString);
        await gate.OpenAsync();
        await using var hold = await gate.BeginTransactionAsync();
        await Execute(gate, "LOCK TABLE operations IN ACCESS EXCLUSIVE MODE", hold);

        var queued = await client.EnqueueAsync(l => StatisticsJob.EnqueueAsync(l, AsOf, "researcher"));
        await WaitAsync(async () => (await client.RunAsync(queued.Id)).Status == JobRunStatus.Running && await WaitingForOperationsAsync(),
            "the run to be running and waiting for the operations", client, first, second);
        var jobId = (await client.RunAsync(queued.Id)).HangfireJobId!;
        var server = Assert.Single(ProcessingServers(client, jobId));
        var (victim, survivor) = first.Servers.Contains(server) ? (first, second) : (second, first);
        Assert.Contains(server, victim.Servers);

        await victim.Process.KillAsync();
        await hold.RollbackAsync();
        var watch = System.Diagnostics.Stopwatch.StartNew();

        await WaitAsync(async () => (await client.RunAsync(queued.Id)).IsFinished, "the run to finish", client, first, second, jobId);
        output.WriteLine($"worker {victim.Process.ProcessId} killed; worker {survivor.Process.ProcessId} finished the run {watch.Elapsed.TotalSeconds:F1} s later");
        var run = await client.RunAsync(queued.Id);
        await using var db = Database.NewContext();
        var snapshot = Assert.Single(await db.StatisticsSnapshots.AsNoTracking().ToListAsync());
        Assert.Equal((JobRunStatus.Succeeded, StatisticsJob.OutputOf(snapshot.Id), (long?)run.Id), (run.Status, run.Output, snapshot.RunId));
        Assert.Null(run.Error);

        // Started on the killed worker, then again, once, on the other one, where it succeeded. (The run row
        // is done inside the job; Hangfire moves the job to Succeeded only after the job method returns.)
        await client.WaitForStateAsync(jobId, SucceededState.StateName);
        var servers = ProcessingServers(client, jobId);
        Assert.Equal(2, servers.Count);
        Assert.Contains(servers[0], victim.Servers);
        Assert.Contains(servers[1], survivor.Servers);
        Assert.Equal(SucceededState.StateName, client.StateOf(jobId));

        // The snapshot is whole: the very JSON of stats --json over the same data.
        var cli = Path.Combine(client.OutputFolder, "cli.json");
        Assert.Equal(0, (await CliRun.RunAsync(Database.Configuration, "stats", "--json", cli, "--as-of", "2026-11-25")).ExitCode);
        Assert.Equal(await File.ReadAllTextAsync(cli), snapshot.Json);
    }

    /// <summary>A Worker process on the test's database and queue, once its Hangfire servers have registered.</summary>
    private async Task<StartedWorker> StartWorkerAsync(JobServer client)
    {
        var monitor = client.Storage.GetMonitoringApi();
        var before = monitor.Servers().Select(s => s.Name).ToHashSet();
        var process = WorkerProcess.Start(new Dictionary<string, string>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Registry"] = Database.ConnectionString,
            ["Jobs:Schema"] = _schema,
            ["Jobs:DefaultWorkers"] = "1",
            ["Jobs:HeavyWorkers"] = "1",
            ["Jobs:PollInterval"] = "00:00:00.500",
            ["Jobs:SchedulePollInterval"] = "00:00:01",
            ["Jobs:InvisibilityTimeout"] = InvisibilityTimeout.ToString(),
            ["Jobs:StatisticsCron"] = "",
        });
        try
        {
            IReadOnlySet<string> servers = new HashSet<string>();
            await WaitAsync(() =>
            {
                if (process.HasExited) throw new InvalidOperationException("the Worker exited:\n" + process.Tail());
                servers = monitor.Servers().Select(s => s.Name).Where(n => !before.Contains(n)).ToHashSet();
                return Task.FromResult(servers.Count == 2);
            }, $"the servers of worker {process.ProcessId}", client, [process]);
            return new StartedWorker(process, servers);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>The servers of the job's Processing states, oldest first.</summary>
    private static List<string> ProcessingServers(JobServer client, string jobId) =>
        client.Storage.GetMonitoringApi().JobDetails(jobId).History
            .Where(h => h.StateName == ProcessingState.StateName)
            .OrderBy(h => h.CreatedAt)
            .Select(h => h.Data["ServerId"])
            .ToList();

    /// <summary>Whether a connection waits for a lock on the operations (the worker's read behind the gate).</summary>
    private async Task<bool> WaitingForOperationsAsync()
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'operations' AND NOT l.granted", connection);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, NpgsqlTransaction transaction)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync();
    }

    private static Task WaitAsync(Func<Task<bool>> done, string what, JobServer client, StartedWorker first, StartedWorker second, string? jobId = null) =>
        WaitAsync(done, what, client, [first.Process, second.Process], jobId);

    private static async Task WaitAsync(Func<Task<bool>> done, string what, JobServer client, WorkerProcess[] workers, string? jobId = null)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!await done())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"waited {Timeout.TotalSeconds} s for {what}; {client.History(jobId)}\n"
                    + string.Join("\n", workers.Select(w => $"worker {w.ProcessId}{(w.HasExited ? " (exited)" : "")}:\n{w.Tail()}")));
            await Task.Delay(200);
        }
    }

    private sealed record StartedWorker(WorkerProcess Process, IReadOnlySet<string> Servers) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Process.DisposeAsync();
    }
}
