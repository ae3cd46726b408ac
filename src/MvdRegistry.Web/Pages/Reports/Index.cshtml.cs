using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MvdRegistry.Application.Statistics;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;
using MvdRegistry.Jobs.Hosting;
using MvdRegistry.Jobs.Reports;
using MvdRegistry.Jobs.Runs;
using MvdRegistry.Web.Access;

namespace MvdRegistry.Web.Pages.Reports;

/// <summary>
/// Reports (administrators): the report schedules with their next three times, pause, resume and
/// delete; a one-off report of chosen filters; and the history of report runs (one schedule's with
/// <c>?schedule=ID</c>), whose progress wwwroot/js/jobs.js polls from the jobs page, with their files
/// to download. A file is found by its run's id, never by a path from the request.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(RegistryDbContext db, RegistryUser user, JobLauncher launcher, ReportSchedules schedules,
    IOptions<JobsOptions> options, TimeProvider clock) : PageModel
{
    public const int Shown = 100;

    public List<ReportSchedule> Schedules { get; private set; } = [];

    public List<JobRun> Runs { get; private set; } = [];

    public ReportSchedule? Schedule { get; private set; }

    public List<string> Sites { get; private set; } = [];

    /// <summary>The one-off report form's choice: what the last post chose (it redirects here with it in the address).</summary>
    public ReportChoice Choice { get; private set; } = ReportChoice.Default;

    public DateTimeOffset Now => clock.GetUtcNow();

    public IReadOnlyDictionary<long, string> ScheduleNames => Schedules.ToDictionary(s => s.Id, s => s.Name);

    public static long? ScheduleOf(JobRun run) => ReportJob.ParametersOf(run).ScheduleId;

    public bool HasFile(JobRun run) => ReportJob.FileOf(run, options.Value) is not null;

    public async Task OnGetAsync(long? schedule, string? indication, string[]? sites, string? from, string? to, CancellationToken ct)
    {
        Choice = new(indication ?? "", sites ?? [], from ?? "", to ?? "");
        Schedules = await db.ReportSchedules.AsNoTracking().OrderBy(s => s.Name).ToListAsync(ct);
        Schedule = Schedules.SingleOrDefault(s => s.Id == schedule);
        Sites = await db.Sites.AsNoTracking().OrderBy(s => s.Code).Select(s => s.Code).ToListAsync(ct);
        var runs = await db.JobRuns.AsNoTracking().Where(r => r.Kind == ReportJob.Kind).OrderByDescending(r => r.Id).ToListAsync(ct);
        Runs = runs.Where(r => Schedule is null || ScheduleOf(r) == Schedule.Id).Take(Shown).ToList();
    }

    /// <summary>The workbook of a finished run, from the output folder.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(long? id, CancellationToken ct)
    {
        if (id is null) return BadRequest("id is required");
        var run = await db.JobRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.Kind == ReportJob.Kind, ct);
        if (run is null || !(user.IsAdministrator || run.RequestedBy == user.Name)) return NotFound();
        if (ReportJob.FileOf(run, options.Value) is not { } path) return NotFound();
        return PhysicalFile(path, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Path.GetFileName(path));
    }

    /// <summary>A one-off report of the filters chosen.</summary>
    public async Task<IActionResult> OnPostRunAsync(string? report, string? indication, string[]? sites, string? from, string? to, CancellationToken ct)
    {
        if (report is null || !ReportJob.Reports.Contains(report)) return BadRequest($"report must be one of {string.Join(", ", ReportJob.Reports)}");
        var filter = new StatisticsFilter
        {
            Indication = string.IsNullOrEmpty(indication) ? null : indication,
            Sites = (sites ?? []).Where(s => s.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList(),
            SurgeryFrom = Date(from),
            SurgeryTo = Date(to),
        };
        var errors = await FilterErrorsAsync(db, filter, from, to, ct);
        if (errors.Count > 0) TempData["Message"] = "Nothing was queued: " + string.Join(" ", errors);
        else
        {
            var run = await ReportJob.EnqueueAsync(launcher, new ReportJob.Parameters(report, filter), user.Name, ct);
            TempData["Message"] = $"Report run {run.Id} queued.";
        }
        // The page comes back with the choice in its form, a refused date as it was given.
        static string? Given(string? text) => string.IsNullOrEmpty(text) ? null : text;
        return RedirectToPage(new { indication = Given(indication), sites = filter.Sites.ToArray(), from = Given(from), to = Given(to) });
    }

    public Task<IActionResult> OnPostPauseAsync(long? id, int? version, CancellationToken ct) =>
        ChangeAsync(id, version, (i, v) => schedules.SetPausedAsync(i, v, paused: true, ct), "paused");

    public Task<IActionResult> OnPostResumeAsync(long? id, int? version, CancellationToken ct) =>
        ChangeAsync(id, version, (i, v) => schedules.SetPausedAsync(i, v, paused: false, ct), "resumed");

    public Task<IActionResult> OnPostDeleteAsync(long? id, int? version, CancellationToken ct) =>
        ChangeAsync(id, version, (i, v) => schedules.DeleteAsync(i, v, ct), "deleted");

    private async Task<IActionResult> ChangeAsync(long? id, int? version, Func<long, int, Task<ReportSchedules.Result>> change, string done)
    {
        if (id is null || version is null) return BadRequest("id and version are required");
        var result = await change(id.Value, version.Value);
        TempData["Message"] = result.Succeeded ? $"Schedule '{result.Schedule!.Name}' {done}." : string.Join(" ", result.Errors);
        return RedirectToPage();
    }

    /// <summary>Why a filter cannot be reported on: a date that is none, the dates reversed, an indication or a site the registry does not have.</summary>
    public static async Task<List<string>> FilterErrorsAsync(RegistryDbContext db, StatisticsFilter filter, string? from, string? to, CancellationToken ct)
    {
        var errors = new List<string>();
        if (!string.IsNullOrEmpty(from) && Date(from) is null) errors.Add($"'{from}' is not a date (yyyy-MM-dd).");
        if (!string.IsNullOrEmpty(to) && Date(to) is null) errors.Add($"'{to}' is not a date (yyyy-MM-dd).");
        if (filter is { SurgeryFrom: { } first, SurgeryTo: { } last } && first > last) errors.Add($"The first surgery date {from} is after the last {to}.");
        if (filter.Indication is { } indication && !Core.Statistics.Snapshot.RegistryStatistics.BenefitIndications.Contains(indication))
            errors.Add($"'{indication}' is not an indication.");
        var (unknown, _) = await OutcomeReportMaking.SitesAsync(db, filter, ct);
        if (unknown.Length > 0) errors.Add($"Unknown site {string.Join(", ", unknown.Select(s => $"'{s}'"))}.");
        return errors;
    }

    public static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}

/// <summary>The one-off report form's fields as the user chose them, as text.</summary>
public sealed record ReportChoice(string Indication, IReadOnlyCollection<string> Sites, string From, string To)
{
    public static readonly ReportChoice Default = new("", [], "", "");
}
