using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;
using MvdRegistry.Jobs.Exports;
using MvdRegistry.Jobs.Hosting;
using MvdRegistry.Jobs.Runs;
using MvdRegistry.Reporting.Export;
using MvdRegistry.Reporting.Export.Deidentified;
using MvdRegistry.Web.Access;

namespace MvdRegistry.Web.Pages.Exports;

/// <summary>
/// Exports (researchers and administrators): the de-identified dataset, or for administrators the
/// identified bundle, of the filters chosen, queued as an export job whose progress wwwroot/js/jobs.js
/// polls; the runs (an administrator's page every export run, anyone else's their own) with their
/// files to download until they expire. A file is found by its run's id, never by a path from the
/// request, and only the requester and administrators get it (anyone else: 404).
/// </summary>
[Authorize(Policy = Policies.Statistics)]
public sealed class IndexModel(RegistryDbContext db, RegistryUser user, JobLauncher launcher, IOptions<JobsOptions> options) : PageModel
{
    public const int Shown = 100;

    public static readonly IReadOnlyList<string> Kinds = ["deidentified", "identified"];

    public static readonly IReadOnlyList<string> Formats = ["xlsx", "zip"];

    public List<JobRun> Runs { get; private set; } = [];

    public List<string> Sites { get; private set; } = [];

    public bool IsAdministrator => user.IsAdministrator;

    public JobsOptions Options => options.Value;

    /// <summary>The run queued by this user's last post: its row downloads the file once it is ready.</summary>
    public long? Queued { get; private set; }

    /// <summary>
    /// The form's choice: what the last post chose (it redirects here with it in the address), so that a refused choice is
    /// corrected rather than made again, and a second export differs from the first only where the user changes it.
    /// </summary>
    public ExportChoice Choice { get; private set; } = ExportChoice.Default;

    public IReadOnlyList<string> FilesOf(JobRun run) => ExportJob.FilesOf(run, options.Value);

    public bool IsExpired(JobRun run) => run.Status == JobRunStatus.Succeeded && FilesOf(run).Count == 0;

    public async Task OnGetAsync(string? kind, string? format, string? indication, string[]? sites, string? fromYear, string? toYear, CancellationToken ct)
    {
        Choice = new(kind ?? ExportChoice.Default.Kind, format ?? ExportChoice.Default.Format, indication ?? "", sites ?? [], fromYear ?? "", toYear ?? "");
        Queued = TempData["QueuedRun"] is string queued && long.TryParse(queued, CultureInfo.InvariantCulture, out var id) ? id : null;
        Sites = await db.Sites.AsNoTracking().OrderBy(s => s.Code).Select(s => s.Code).ToListAsync(ct);
        Runs = await Visible().OrderByDescending(r => r.Id).Take(Shown).ToListAsync(ct);
    }

    /// <summary>A file of a finished run: the workbook or zip, or an xlsx export's R or Stata script (<paramref name="part"/> R or do).</summary>
    public async Task<IActionResult> OnGetDownloadAsync(long? id, string? part, CancellationToken ct)
    {
        if (id is null) return BadRequest("id is required");
        var run = await Visible().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (run is null) return NotFound();
        var files = FilesOf(run);
        var path = part switch
        {
            null or "" => files.FirstOrDefault(),
            "R" => files.FirstOrDefault(f => f.EndsWith("." + ScriptTemplates.RScript, StringComparison.Ordinal)),
            "do" => files.FirstOrDefault(f => f.EndsWith("." + ScriptTemplates.StataScript, StringComparison.Ordinal)),
            _ => null,
        };
        if (path is null) return NotFound();
        var type = Path.GetExtension(path) switch
        {
            ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ".zip" => "application/zip",
            _ => "text/plain",
        };
        return PhysicalFile(path, type, Path.GetFileName(path));
    }

    /// <summary>
    /// Queues the export chosen; a bad choice is refused with its reasons and nothing is queued. Either way the page comes
    /// back with the choice in its form.
    /// </summary>
    public async Task<IActionResult> OnPostRunAsync(string? kind, string? format, string? indication, string[]? sites, string? fromYear, string? toYear, CancellationToken ct)
    {
        var (parameters, errors) = await ReadAsync(kind, format, indication, sites, fromYear, toYear, ct);
        if (parameters is null) TempData["Message"] = "Nothing was queued: " + string.Join("; ", errors) + ".";
        else
        {
            var run = await ExportJob.EnqueueAsync(launcher, parameters, user.Name, ct);
            TempData["Message"] = $"Export run {run.Id} queued: it downloads here when it is ready.";
            TempData["QueuedRun"] = run.Id.ToString(CultureInfo.InvariantCulture);
        }
        static string? Given(string? text) => string.IsNullOrEmpty(text) ? null : text;
        return RedirectToPage(new
        {
            kind = Given(kind), format = Given(format), indication = Given(indication),
            sites = (sites ?? []).Where(s => !string.IsNullOrEmpty(s)).ToArray(), fromYear = Given(fromYear), toYear = Given(toYear),
        });
    }

    private async Task<(ExportJob.Parameters? Parameters, List<string> Errors)> ReadAsync(string? kind, string? format, string? indication,
        string[]? sites, string? fromYear, string? toYear, CancellationToken ct)
    {
        var errors = new List<string>();
        if (kind is null || !Kinds.Contains(kind)) errors.Add($"'{kind}' is not a kind of export ({string.Join(", ", Kinds)})");
        if (format is null || !Formats.Contains(format)) errors.Add($"'{format}' is not a format ({string.Join(", ", Formats)})");
        var from = Year("From year", fromYear, errors);
        var to = Year("To year", toYear, errors);
        var siteList = (sites ?? []).Where(s => !string.IsNullOrEmpty(s)).Distinct().Order(StringComparer.Ordinal).ToList();
        var filter = new ExportFilter(string.IsNullOrEmpty(indication) ? null : indication, siteList.Count > 0 ? siteList : null, from, to);
        if (errors.Count > 0) return (null, errors);

        var exportKind = kind == "identified" ? ExportKind.Identified : ExportKind.Deidentified;
        var exportFormat = format == "xlsx" ? ExportFormat.Xlsx : ExportFormat.Csv;
        errors.AddRange(AuditedExport.RefusalsOf(exportKind, exportFormat, filter, new ExportRequester(user.Name, user.IsAdministrator)));
        if (exportKind == ExportKind.Deidentified) errors.AddRange(await DeidentifiedExport.FilterProblemsAsync(db, filter, commandLine: false, ct));
        return errors.Count > 0 ? (null, errors)
            : (new ExportJob.Parameters(exportKind, exportFormat, filter.Indication, filter.Sites, filter.FromYear, filter.ToYear), errors);
    }

    private static int? Year(string name, string? text, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year)) return year;
        errors.Add($"{name} '{text}' is not a year");
        return null;
    }

    private IQueryable<JobRun> Visible()
    {
        var runs = db.JobRuns.AsNoTracking().Where(r => r.Kind == ExportJob.Kind);
        return user.IsAdministrator ? runs : runs.Where(r => r.RequestedBy == user.Name);
    }
}

/// <summary>The Exports form's fields as the user chose them, as text (a refused year is shown as it was typed).</summary>
public sealed record ExportChoice(string Kind, string Format, string Indication, IReadOnlyCollection<string> Sites, string FromYear, string ToYear)
{
    public static readonly ExportChoice Default = new("deidentified", "xlsx", "", [], "", "");
}
