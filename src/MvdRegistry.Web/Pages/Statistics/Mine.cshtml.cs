using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MvdRegistry.Application.Scheduling;
using MvdRegistry.Application.Statistics;
using MvdRegistry.Application.Statistics.Snapshots;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;
using MvdRegistry.Jobs.Runs;
using MvdRegistry.Jobs.Statistics;
using MvdRegistry.Web.Access;
using MvdRegistry.Web.Pages.Jobs;

namespace MvdRegistry.Web.Pages.Statistics;

/// <summary>
/// A surgeon's own outcomes beside the registry's, as outcome registries feed them back: one-year
/// success and permanent complications with their intervals, from a snapshot of the surgeon's own
/// operations (computed by a statistics job, as a filtered view is), and where they stand on the
/// registry's funnel plot, every other surgeon by pseudonym. The surgeon is always the signed-in one.
/// </summary>
[Authorize(Policy = Policies.Surgeon)]
public sealed class MineModel(RegistryDbContext db, RegistryUser user, TimeProvider clock, IOptions<PseudonymOptions> pseudonyms, JobLauncher launcher, FingerprintCache fingerprints, SnapshotValuesCache snapshots) : PageModel
{
    public string? SurgeonCode => user.SurgeonCode;

    /// <summary>The surgeon's own snapshot over the current data; null until computed.</summary>
    public StatisticsView? Own { get; private set; }

    /// <summary>The whole registry's latest snapshot, with the surgeon's own funnel row named and the others by pseudonym.</summary>
    public StatisticsView? Registry { get; private set; }

    public SnapshotStatus Status { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct = default)
    {
        var filter = OwnFilter();
        Status = new SnapshotStatus(null, false, null, new StatisticsFilter(), "/Statistics/Mine", "Your outcomes have not been computed over the current data yet.");
        if (filter is null) return;

        var codes = await db.Surgeons.AsNoTracking().Select(s => s.Code).ToListAsync(ct);
        var names = new SurgeonNames(codes, pseudonyms.Value.Key, real: false, own: user.SurgeonCode);
        var fingerprint = await fingerprints.ReadAsync(db, ct);
        var own = await SnapshotStore.CurrentHeadAsync(db, filter, fingerprint, ct);
        var registry = await SnapshotStore.LatestHeadAsync(db, new StatisticsFilter(), ct);
        Own = own is null ? null : StatisticsView.Of(own, await snapshots.ValuesAsync(own, ct), filter, names);
        Registry = registry is null ? null : StatisticsView.Of(registry, await snapshots.ValuesAsync(registry, ct), new StatisticsFilter(), names);
        Status = Status with { Stored = own, Pending = await StatisticsJob.PendingAsync(db, filter, ct) };
    }

    /// <summary>Queues a statistics run of the signed-in surgeon's operations, unless one is already queued or running.</summary>
    public async Task<IActionResult> OnPostComputeAsync(CancellationToken ct = default)
    {
        if (OwnFilter() is not { } filter) return BadRequest("Your account has no surgeon code: ask an administrator.");
        if (await StatisticsJob.PendingAsync(db, filter, ct) is null)
            await StatisticsJob.EnqueueAsync(launcher, Today.Of(clock), filter, user.Name, ct);
        return RedirectToPage();
    }

    /// <summary>The progress of a statistics run, for the progress bar (statistics runs hold no clinical value).</summary>
    public async Task<IActionResult> OnGetProgressAsync(long id, CancellationToken ct = default) =>
        await StatisticsJob.RunAsync(db, id, ct) is { } run ? new JsonResult(JobRunView.Of(run)) : NotFound();

    private StatisticsFilter? OwnFilter() => user.SurgeonCode is { } code ? new StatisticsFilter { Surgeon = code } : null;
}
