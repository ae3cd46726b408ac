using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;
using MvdRegistry.Jobs.Runs;
using MvdRegistry.Jobs.Statistics;
using MvdRegistry.Web.Access;
using MvdRegistry.Application.Scheduling;

namespace MvdRegistry.Web.Pages.Jobs;

/// <summary>
/// Background job runs: an administrator sees every run, anyone else their own. Progress is polled
/// from <see cref="OnGetProgressAsync"/> by wwwroot/js/jobs.js; a queued run can be cancelled by
/// whoever asked for it or an administrator.
/// </summary>
public sealed class IndexModel(RegistryDbContext db, RegistryUser user, JobLauncher launcher, TimeProvider clock) : PageModel
{
    public const int Shown = 100;

    public List<JobRun> Runs { get; private set; } = [];

    public bool MayComputeStatistics => user.IsResearcher || user.IsAdministrator;

    public bool IsAdministrator => user.IsAdministrator;

    public string Today => Application.Scheduling.Today.Of(clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task OnGetAsync(CancellationToken ct) =>
        Runs = await Visible().OrderByDescending(r => r.Id).Take(Shown).ToListAsync(ct);

    /// <summary>The state of the runs named (those this user may see), for the progress bars.</summary>
    public async Task<IActionResult> OnGetProgressAsync([FromQuery] long[] ids, CancellationToken ct)
    {
        var runs = await Visible().Where(r => ids.Contains(r.Id)).ToListAsync(ct);
        return new JsonResult(runs.Select(JobRunView.Of));
    }

    /// <summary>Computes the statistics of the whole registry as of a date (researchers and administrators).</summary>
    public async Task<IActionResult> OnPostStatisticsAsync(string? asOf, CancellationToken ct)
    {
        if (!MayComputeStatistics) return Forbid();
        if (!DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return BadRequest("asOf must be a date (yyyy-MM-dd)");
        var run = await StatisticsJob.EnqueueAsync(launcher, date, user.Name, ct);
        TempData["Message"] = $"Statistics run {run.Id} queued.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCancelAsync(long? id, CancellationToken ct)
    {
        if (id is null) return BadRequest("id is required");
        var run = await Visible().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (run is null) return NotFound();
        TempData["Message"] = await launcher.CancelAsync(run, user.Name, ct)
            ? $"Run {run.Id} cancelled."
            : $"Run {run.Id} is {run.Status} and can no longer be cancelled.";
        return RedirectToPage();
    }

    private IQueryable<JobRun> Visible() => user.IsAdministrator ? db.JobRuns : db.JobRuns.Where(r => r.RequestedBy == user.Name);
}

/// <summary>A run as the progress endpoint sends it.</summary>
public sealed record JobRunView(long Id, string Status, int Percent, string? Text, int? Rows, string? Output, string? Error, bool Finished, string? FinishedAt)
{
    public static JobRunView Of(JobRun run) =>
        new(run.Id, run.Status, run.ProgressPercent, run.ProgressText, run.Rows, run.Output, run.Error, run.IsFinished,
            run.FinishedAt?.ToString("HH:mm:ss", CultureInfo.InvariantCulture));
}
