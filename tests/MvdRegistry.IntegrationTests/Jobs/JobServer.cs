using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;
using MvdRegistry.Data.Auditing;
using MvdRegistry.IntegrationTests.Infrastructure;
using MvdRegistry.Jobs.Hosting;
using MvdRegistry.Jobs.Runs;

namespace MvdRegistry.IntegrationTests.Jobs;

/// <summary>
/// A host registered as the Worker registers itself (the shared AddRegistryJobs), with real Hangfire
/// servers on the test database's storage, or only the client side. Every wait is bounded.
/// </summary>
public sealed class JobServer : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly IHost _host;

    private readonly RecordingLogger _log;

    private readonly bool _ownsOutputFolder;

    private JobServer(IHost host, string outputFolder, bool ownsOutputFolder, RecordingLogger log)
    {
        _host = host;
        _log = log;
        _ownsOutputFolder = ownsOutputFolder;
        OutputFolder = outputFolder;
    }

    public string OutputFolder { get; }

    public IServiceProvider Services => _host.Services;

    public JobStorage Storage => Services.GetRequiredService<JobStorage>();

    public IBackgroundJobClient Client => Services.GetRequiredService<IBackgroundJobClient>();

    /// <summary>
    /// A host on <paramref name="database"/> with Hangfire's tables in <paramref name="schema"/>: by default
    /// a schema of its own, so that nothing one test leaves in a queue (a retry, a job of a server still
    /// stopping) reaches the next test; hosts that share a queue pass the same name. Its files go into
    /// <paramref name="outputFolder"/> when given (hosts that share one; the caller removes it), else into a
    /// temporary folder of its own that <see cref="DisposeAsync"/> removes.
    /// </summary>
    /// <param name="settings">Configuration keys beyond the test's own (e.g. a cron), which they override.</param>
    public static async Task<JobServer> StartAsync(TestDatabase database, JobHost kind = JobHost.Worker, string? schema = null,
        IReadOnlyDictionary<string, string?>? settings = null, string? outputFolder = null)
    {
        var output = outputFolder ?? Directory.CreateTempSubdirectory("mvd-jobs-").FullName;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["ConnectionStrings:Registry"] = database.ConnectionString,
            ["Jobs:OutputFolder"] = output,
            ["Jobs:DefaultWorkers"] = "2",
            ["Jobs:HeavyWorkers"] = "1",
            ["Jobs:SchedulePollInterval"] = "00:00:01",
            ["Jobs:Schema"] = schema ?? NewSchema(),
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        var log = new RecordingLogger();
        builder.Logging.AddProvider(log);
        builder.Services.AddSingleton<ICurrentUser>(new FixedUser("test-worker"));
        builder.Services.AddRegistryDatabase(builder.Configuration);
        builder.Services.AddRegistryJobs(builder.Configuration, kind);
        var host = builder.Build();
        await host.StartAsync();
        return new JobServer(host, output, ownsOutputFolder: outputFolder is null, log);
    }

    /// <summary>A schema name of its own for one test's queue.</summary>
    public static string NewSchema() => "hangfire_" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Creates the run row and enqueues its job, as the pages do.</summary>
    public async Task<JobRun> EnqueueAsync(Func<JobLauncher, Task<JobRun>> enqueue)
    {
        await using var scope = Services.CreateAsyncScope();
        return await enqueue(scope.ServiceProvider.GetRequiredService<JobLauncher>());
    }

    public async Task<JobRun> RunAsync(long id)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().JobRuns.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    /// <summary>The run row once it satisfies <paramref name="done"/>; fails after <see cref="Timeout"/>.</summary>
    public async Task<JobRun> WaitForRunAsync(long id, Func<JobRun, bool> done)
    {
        try
        {
            return await PollAsync(() => RunAsync(id), done, $"run {id}");
        }
        catch (TimeoutException e)
        {
            var run = await RunAsync(id);
            throw new TimeoutException($"{e.Message}; Hangfire: {History(run.HangfireJobId)}", e);
        }
    }

    /// <summary>The Hangfire job's state history and the servers alive, for a failure message.</summary>
    public string History(string? jobId)
    {
        var monitor = Storage.GetMonitoringApi();
        var servers = string.Join(", ", monitor.Servers().Select(s => $"{s.Name} [{string.Join('/', s.Queues)}] heartbeat {s.Heartbeat:HH:mm:ss}"));
        var stats = monitor.GetStatistics();
        var counts = $"enqueued {stats.Enqueued}, scheduled {stats.Scheduled}, processing {stats.Processing}, servers: {servers}; now {DateTime.UtcNow:HH:mm:ss}";
        if (jobId is null) return $"no job id; {counts}; log:\n{string.Join("\n", _log.Lines.TakeLast(40))}";
        var details = monitor.JobDetails(jobId);
        if (details is null) return $"job {jobId} not found; " + counts;
        var states = string.Join(" <- ", details.History.Select(h => $"{h.StateName} {h.CreatedAt:HH:mm:ss.fff} ({h.Reason}) {string.Join(",", h.Data.Select(d => d.Key + "=" + d.Value))}"));
        return $"job {jobId}: {states}; {counts}; log:\n{string.Join("\n", _log.Lines.TakeLast(40))}";
    }

    /// <summary>The Hangfire state of a job once it is <paramref name="state"/>; fails after <see cref="Timeout"/>.</summary>
    public Task<string?> WaitForStateAsync(string jobId, string state) => PollAsync(() =>
    {
        using var connection = Storage.GetConnection();
        return Task.FromResult(connection.GetStateData(jobId)?.Name);
    }, name => name == state, $"Hangfire job {jobId} to be {state}");

    public string? StateOf(string jobId)
    {
        using var connection = Storage.GetConnection();
        return connection.GetStateData(jobId)?.Name;
    }

    private static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + Timeout;
        var last = await read();
        while (!done(last))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"waited {Timeout.TotalSeconds} s for {what}; last seen: {Describe(last)}");
            await Task.Delay(200);
            last = await read();
        }
        return last;
    }

    private static string Describe<T>(T value) => value is JobRun run
        ? $"{run.Status} {run.ProgressPercent}% '{run.ProgressText}' error '{run.Error}'"
        : value?.ToString() ?? "nothing";

    public async ValueTask DisposeAsync()
    {
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30))) await _host.StopAsync(stop.Token);
        _host.Dispose();
        if (_ownsOutputFolder) Directory.Delete(OutputFolder, recursive: true);
    }
}
