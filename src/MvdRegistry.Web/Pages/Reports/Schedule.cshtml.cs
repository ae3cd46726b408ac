using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Application.Statistics;
using MvdRegistry.Data;
using MvdRegistry.Jobs.Reports;
using MvdRegistry.Web.Access;

namespace MvdRegistry.Web.Pages.Reports;

/// <summary>
/// Creates a report schedule, or edits one (<c>?id=ID</c>, as it was at its row version). Every
/// reason a schedule is refused is shown beside the form, and nothing is saved; the next three times
/// are shown in the schedule's time zone.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class ScheduleModel(RegistryDbContext db, ReportSchedules schedules, RegistryUser user, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? Id { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public string Report { get; set; } = ReportJob.Outcomes;
    [BindProperty] public string? Indication { get; set; }
    [BindProperty] public List<string> SelectedSites { get; set; } = [];
    [BindProperty] public string? From { get; set; }
    [BindProperty] public string? To { get; set; }
    [BindProperty] public string Cron { get; set; } = "0 6 1 1,4,7,10 *";
    [BindProperty] public string TimeZone { get; set; } = "UTC";
    [BindProperty] public int RunsToKeep { get; set; } = 8;

    public List<string> Errors { get; private set; } = [];

    public List<string> Sites { get; private set; } = [];

    /// <summary>The next three times of the cron and zone entered, or none while either is not valid.</summary>
    public IReadOnlyList<DateTimeOffset> NextTimes =>
        ScheduleTimes.ParseCron(Cron).Error is null && ScheduleTimes.ParseZone(TimeZone).Error is null
            ? ScheduleTimes.Next(Cron, TimeZone, clock.GetUtcNow())
            : [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Sites = await SiteCodesAsync(ct);
        if (Id is null) return Page();
        var schedule = await db.ReportSchedules.AsNoTracking().SingleOrDefaultAsync(s => s.Id == Id, ct);
        if (schedule is null) return NotFound();
        (Version, Name, Report, Indication, From, To, Cron, TimeZone, RunsToKeep) = (schedule.Version, schedule.Name, schedule.ReportKind, schedule.Indication,
            schedule.SurgeryFrom?.ToString("yyyy-MM-dd"), schedule.SurgeryTo?.ToString("yyyy-MM-dd"), schedule.Cron, schedule.TimeZone, schedule.RunsToKeep);
        SelectedSites = ReportSchedules.FilterOf(schedule).Sites;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Sites = await SiteCodesAsync(ct);
        var filter = new StatisticsFilter
        {
            Indication = string.IsNullOrEmpty(Indication) ? null : Indication,
            Sites = SelectedSites.Where(s => s.Length > 0).ToList(),
            SurgeryFrom = IndexModel.Date(From),
            SurgeryTo = IndexModel.Date(To),
        };
        Errors = (await IndexModel.FilterErrorsAsync(db, filter, From, To, ct)).Where(e => !e.StartsWith("Unknown site", StringComparison.Ordinal)).ToList();
        var input = new ScheduleInput(Name ?? "", Report ?? "", filter, Cron ?? "", TimeZone ?? "", RunsToKeep);
        if (Errors.Count > 0) return Page();
        var result = Id is { } id ? await schedules.UpdateAsync(id, Version, input, ct) : await schedules.CreateAsync(input, user.Name, ct);
        if (!result.Succeeded)
        {
            Errors = result.Errors.ToList();
            return Page();
        }
        TempData["Message"] = $"Schedule '{result.Schedule!.Name}' saved.";
        return RedirectToPage("Index");
    }

    private Task<List<string>> SiteCodesAsync(CancellationToken ct) =>
        db.Sites.AsNoTracking().OrderBy(s => s.Code).Select(s => s.Code).ToListAsync(ct);
}
