using System.Globalization;
using System.Text.Json;
using Hangfire;
using Hangfire.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MvdRegistry.Application.Scheduling;
using MvdRegistry.Application.Statistics;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;
using MvdRegistry.Jobs.Hosting;
using MvdRegistry.Jobs.Runs;

namespace MvdRegistry.Jobs.Reports;

/// <summary>
/// Writes a report (the outcome report) of one filter into <c>Jobs:OutputFolder</c>, from the snapshot
/// it computes and stores for that filter, as <c>mvd report outcomes</c> does. The run's output is the
/// file's path, its rows the analysed operations. A run of a schedule then keeps only that schedule's
/// latest runs (<see cref="ReportRetention"/>).
/// </summary>
[AutomaticRetry(Attempts = 2)]
public sealed class ReportJob(JobRunner runner, RegistryDbContext db, TimeProvider clock, IOptions<JobsOptions> options, IOptions<PseudonymOptions> pseudonyms)
{
    public const string Kind = "report";

    public const string Outcomes = "outcomes";

    /// <summary>The reports there are.</summary>
    public static readonly IReadOnlyList<string> Reports = [Outcomes];

    /// <summary>Codes and dates only: no clinical value reaches the job's arguments.</summary>
    public sealed record Parameters(string Report, StatisticsFilter? Filter = null, long? ScheduleId = null);

    public static Task<JobRun> EnqueueAsync(JobLauncher launcher, Parameters parameters, string requestedBy, CancellationToken ct = default) =>
        launcher.EnqueueAsync<ReportJob>(Kind, parameters with { Filter = parameters.Filter is { IsEmpty: false } f ? f : null }, requestedBy,
            id => job => job.RunAsync(id, null, CancellationToken.None), ct);

    public static Parameters ParametersOf(JobRun run) => JsonSerializer.Deserialize<Parameters>(run.Parameters)!;

    /// <summary>Report runs, newest first: one schedule's, or the one-off runs (no schedule) when null.</summary>
    public static async Task<List<JobRun>> RunsAsync(RegistryDbContext db, long? scheduleId, CancellationToken ct = default)
    {
        var runs = await db.JobRuns.AsNoTracking().Where(r => r.Kind == Kind).OrderByDescending(r => r.Id).ToListAsync(ct);
        return runs.Where(r => ParametersOf(r).ScheduleId == scheduleId).ToList();
    }

    /// <summary>The file a run wrote, when it is still there and inside the output folder; never a path from a request.</summary>
    public static string? FileOf(JobRun run, JobsOptions options)
    {
        if (run.Kind != Kind || run.Status != JobRunStatus.Succeeded || run.Output is null) return null;
        var folder = Path.GetFullPath(options.OutputFolder) + Path.DirectorySeparatorChar;
        var path = Path.GetFullPath(run.Output);
        return path.StartsWith(folder, StringComparison.Ordinal) && File.Exists(path) ? path : null;
    }

    [Queue(JobQueues.Heavy)]
    public Task RunAsync(long runId, PerformContext? context, CancellationToken cancellationToken) =>
        runner.RunAsync(runId, context, cancellationToken, async (run, progress, ct) =>
        {
            var parameters = ParametersOf(run);
            if (parameters.Report != Outcomes) throw new InvalidOperationException($"unknown report '{parameters.Report}'");
            var folder = Path.GetFullPath(options.Value.OutputFolder);
            Directory.CreateDirectory(folder);
            var asOf = Today.Of(clock);
            var path = Path.Combine(folder, $"{parameters.Report}-{asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}-run{run.Id}.xlsx");
            var result = await OutcomeReportMaking.WriteAsync(db, parameters.Filter ?? new StatisticsFilter(), asOf, run.RequestedBy, run.Id,
                pseudonyms.Value.Key, surgeonCodes: false, path, clock, p => progress.ReportAsync(p.Percent, p.Text, ct), ct);
            if (parameters.ScheduleId is { } schedule) await ReportRetention.ApplyAsync(db, schedule, run.Id, options.Value, ct);
            return new Runs.JobOutcome(result.Statistics.Population.Operations, path);
        });
}
