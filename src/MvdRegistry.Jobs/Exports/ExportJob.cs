using System.Text.Json;
using System.Text.Json.Serialization;
using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.Options;
using MvdRegistry.Application.Statistics;
using MvdRegistry.Application.Users;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;
using MvdRegistry.Jobs.Hosting;
using MvdRegistry.Jobs.Runs;
using MvdRegistry.Reporting.Export;
using MvdRegistry.Reporting.Export.Deidentified;

namespace MvdRegistry.Jobs.Exports;

/// <summary>
/// An export asked for on the Exports page, written by <see cref="AuditedExport"/> (the command line's
/// use case, with its audit row) into <c>Jobs:OutputFolder/exports</c>. The requester's roles are read
/// again when the run starts: an identified bundle asked for by someone no longer an administrator is
/// refused and nothing is written. The run's output is the file's path, its rows the operations.
/// </summary>
[AutomaticRetry(Attempts = 2)]
public sealed class ExportJob(JobRunner runner, RegistryDbContext db, TimeProvider clock, IOptions<JobsOptions> options, IOptions<PseudonymOptions> pseudonyms)
{
    public const string Kind = "export";

    public const string Subfolder = "exports";

    /// <summary>Codes and years only: no clinical value reaches the job's arguments.</summary>
    public sealed record Parameters(
        [property: JsonConverter(typeof(JsonStringEnumConverter<ExportKind>))] ExportKind Export,
        [property: JsonConverter(typeof(JsonStringEnumConverter<ExportFormat>))] ExportFormat Format,
        string? Indication = null, IReadOnlyList<string>? Sites = null, int? FromYear = null, int? ToYear = null)
    {
        [JsonIgnore]
        public ExportFilter Filter => new(Indication, Sites is { Count: > 0 } ? Sites : null, FromYear, ToYear);
    }

    public static Task<JobRun> EnqueueAsync(JobLauncher launcher, Parameters parameters, string requestedBy, CancellationToken ct = default) =>
        launcher.EnqueueAsync<ExportJob>(Kind, parameters, requestedBy, id => job => job.RunAsync(id, null, CancellationToken.None), ct);

    public static Parameters ParametersOf(JobRun run) => JsonSerializer.Deserialize<Parameters>(run.Parameters)!;

    /// <summary>The folder export files are written to.</summary>
    public static string FolderOf(JobsOptions options) => Path.Combine(Path.GetFullPath(options.OutputFolder), Subfolder);

    /// <summary>
    /// The files a run wrote that are still there and inside the export folder (never a path from a
    /// request): the workbook or zip first, then an xlsx export's two scripts. Empty when expired.
    /// </summary>
    public static IReadOnlyList<string> FilesOf(JobRun run, JobsOptions options)
    {
        if (run.Kind != Kind || run.Status != JobRunStatus.Succeeded || run.Output is null) return [];
        var folder = FolderOf(options) + Path.DirectorySeparatorChar;
        var path = Path.GetFullPath(run.Output);
        if (!path.StartsWith(folder, StringComparison.Ordinal) || !File.Exists(path)) return [];
        var stem = Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path));
        return [path, .. ScriptTemplates.Names.Select(name => $"{stem}.{name}").Where(File.Exists)];
    }

    [Queue(JobQueues.Heavy)]
    public Task RunAsync(long runId, PerformContext? context, CancellationToken cancellationToken) =>
        runner.RunAsync(runId, context, cancellationToken, async (run, progress, ct) =>
        {
            var parameters = ParametersOf(run);
            var user = await JobUser.ForAsync(db, run.RequestedBy, $"{Kind} #{run.Id}", ct)
                ?? throw new ExportRefusedException([$"'{run.RequestedBy}' is no longer a user of the registry"]);
            var folder = FolderOf(options.Value);
            Directory.CreateDirectory(folder);
            var extension = parameters.Format == ExportFormat.Xlsx ? "xlsx" : "zip";
            var path = Path.Combine(folder, $"{ExportOrder.KindName(parameters.Export)}-run{run.Id}.{extension}");
            var order = new ExportOrder(parameters.Export, parameters.Format, path, parameters.Filter, new ExportRequester(((Data.Auditing.ICurrentUser)user).AuditName, user.IsAdministrator), run.Id);
            var result = await new AuditedExport(db, pseudonyms.Value.Key, clock).RunAsync(order, new RunProgress(progress, ct), ct);
            var rows = result.RowsPerSheet.FirstOrDefault(r => r.Key is AnalysisColumns.Sheet or Core.Dictionary.Forms.Case).Value;
            return new JobOutcome(rows, path);
        });

    /// <summary>
    /// The export's progress written to the run row as it is reported, on the export's own thread, so
    /// that no progress write can land after the run's final one.
    /// </summary>
    private sealed class RunProgress(JobProgress progress, CancellationToken ct) : IProgress<(int Percent, string Text)>
    {
        public void Report((int Percent, string Text) value) => progress.ReportAsync(value.Percent, value.Text, ct).GetAwaiter().GetResult();
    }
}
