using System.Text.Json;
using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.Options;
using MvdRegistry.Application.Statistics;
using MvdRegistry.Core.Statistics.Snapshot;
using MvdRegistry.Data;
using MvdRegistry.Jobs.Hosting;
using MvdRegistry.Jobs.Runs;

namespace MvdRegistry.Jobs.Statistics;

/// <summary>
/// Computes every statistic of OUTCOMES.md for the whole registry, as <c>mvd stats --json</c> does,
/// and writes the JSON to <c>statistics-run-ID.json</c> in the output folder (the run's output).
/// The file is written beside and moved into place, so it is whole or absent.
/// </summary>
[AutomaticRetry(Attempts = 3)]
public sealed class StatisticsJob(JobRunner runner, RegistryDbContext db, IOptions<JobsOptions> options)
{
    public const string Kind = "statistics";

    public sealed record Parameters(DateOnly AsOf);

    public static Task<Core.Model.JobRun> EnqueueAsync(JobLauncher launcher, DateOnly asOf, string requestedBy, CancellationToken ct = default) =>
        launcher.EnqueueAsync<StatisticsJob>(Kind, new Parameters(asOf), requestedBy, id => job => job.RunAsync(id, null, CancellationToken.None), ct);

    [Queue(JobQueues.Heavy)]
    public Task RunAsync(long runId, PerformContext? context, CancellationToken cancellationToken) =>
        runner.RunAsync(runId, context, cancellationToken, async (run, progress, ct) =>
        {
            var asOf = JsonSerializer.Deserialize<Parameters>(run.Parameters)!.AsOf;
            await progress.ReportAsync(5, "Loading the registry", ct);
            var data = await StatisticsLoader.LoadAsync(db, new StatisticsFilter(), ct);
            await progress.ReportAsync(60, $"Computing the statistics of {data.Operations.Count} operations", ct);
            var snapshot = RegistryStatistics.Compute(data.Patients, asOf);
            ct.ThrowIfCancellationRequested();
            await progress.ReportAsync(90, "Writing the JSON", ct);

            var folder = Directory.CreateDirectory(Path.GetFullPath(options.Value.OutputFolder));
            var file = Path.Combine(folder.FullName, $"statistics-run-{run.Id}.json");
            var partial = file + ".partial";
            await using (var stream = File.Create(partial)) snapshot.WriteJson(stream);
            File.Move(partial, file, overwrite: true);
            return new JobOutcome(snapshot.Population.Operations, file);
        });
}
