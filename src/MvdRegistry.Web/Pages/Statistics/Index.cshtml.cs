using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Statistics.Snapshot;
using MvdRegistry.Data;
using MvdRegistry.Web.Access;
using MvdRegistry.Application.Scheduling;
using MvdRegistry.Application.Statistics;
using MvdRegistry.Application.Statistics.Snapshots;
using MvdRegistry.Jobs.Runs;
using MvdRegistry.Jobs.Statistics;
using MvdRegistry.Web.Pages.Jobs;

namespace MvdRegistry.Web.Pages.Statistics;

/// <summary>
/// Benefit, risk and benefit-risk of the chosen operations, de-identified: counts, rates and days
/// after surgery only; no MRN, no birth date, no exact date; surgeons pseudonymised (see <see cref="SurgeonNames"/>).
/// It shows stored statistics snapshots, never computing on a request: the whole registry's latest
/// (nightly, or "Compute now"), saying when the data has changed since; a filter's snapshot over the
/// current data, computed by a statistics job whose progress it shows.
/// </summary>
[Authorize(Policy = Policies.Statistics)]
public sealed class IndexModel(RegistryDbContext db, RegistryUser user, TimeProvider clock, IOptions<PseudonymOptions> pseudonyms, JobLauncher launcher, SnapshotValuesCache snapshots, FingerprintCache fingerprints) : PageModel
{
    public StatisticsFilter Filter { get; private set; } = new();
    public List<Site> AllSites { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<string> IndicationChoices => RegistryStatistics.BenefitIndications;

    /// <summary>The snapshot shown; null when none has been computed for the filter (over the current data, when filtered).</summary>
    public StatisticsView? View { get; private set; }

    /// <summary>Whether the data changed after the snapshot shown was computed.</summary>
    public bool Changed { get; private set; }

    /// <summary>The statistics run computing this filter now, if one is queued or running.</summary>
    public JobRun? Pending { get; private set; }

    /// <summary>What the snapshot status shows and where its buttons post.</summary>
    public SnapshotStatus Status => new(View?.Stored, Changed, Pending, Filter, "/Statistics/Index",
        Filter.IsEmpty ? "No statistics have been computed yet." : "These filters have not been computed over the current data yet.");

    public async Task OnGetAsync([FromQuery] StatisticsFilter filter, CancellationToken ct = default)
    {
        await LoadChoicesAsync(filter, ct);
        var fingerprint = await fingerprints.ReadAsync(db, ct);
        var stored = Filter.IsEmpty
            ? await SnapshotStore.LatestHeadAsync(db, Filter, ct)
            : await SnapshotStore.CurrentHeadAsync(db, Filter, fingerprint, ct);
        Changed = stored is not null && stored.Fingerprint != fingerprint.ToString();
        Pending = await StatisticsJob.PendingAsync(db, Filter, ct);
        if (stored is null) return;

        var codes = await db.Surgeons.AsNoTracking().Select(s => s.Code).ToListAsync(ct);
        var surgeons = new SurgeonNames(codes, pseudonyms.Value.Key, real: user.IsAdministrator, own: user.SurgeonCode, siteFiltered: Filter.Sites.Count > 0);
        View = StatisticsView.Of(stored, await snapshots.ValuesAsync(stored, ct), Filter, surgeons);
    }

    /// <summary>Queues a statistics run of the filter as of today, unless one is already queued or running.</summary>
    public async Task<IActionResult> OnPostComputeAsync([FromForm] StatisticsFilter filter, CancellationToken ct = default)
    {
        await LoadChoicesAsync(filter, ct);
        if (await StatisticsJob.PendingAsync(db, Filter, ct) is null)
            await StatisticsJob.EnqueueAsync(launcher, Today.Of(clock), Filter, user.Name, ct);
        return RedirectToPage(new { indication = Filter.Indication, sites = Filter.Sites, from = Filter.From, to = Filter.To });
    }

    /// <summary>The progress of a statistics run, for the progress bar (statistics runs hold no clinical value).</summary>
    public async Task<IActionResult> OnGetProgressAsync(long id, CancellationToken ct = default)
    {
        var run = await StatisticsJob.RunAsync(db, id, ct);
        return run is null ? NotFound() : new JsonResult(JobRunView.Of(run));
    }

    private async Task LoadChoicesAsync(StatisticsFilter filter, CancellationToken ct)
    {
        var today = Today.Of(clock);
        AllSites = await db.Sites.AsNoTracking().OrderBy(s => s.Code).ToListAsync(ct);
        Years = Enumerable.Range(2000, today.Year - 1999).ToArray();
        Filter = Sanitised(filter);
    }

    private StatisticsFilter Sanitised(StatisticsFilter filter)
    {
        int? Year(int? y) => y is { } v && Years.Contains(v) ? v : null;
        var (from, to) = (Year(filter.From), Year(filter.To));
        if (from > to) (from, to) = (to, from);
        return new StatisticsFilter
        {
            Indication = IndicationChoices.Contains(filter.Indication ?? "") ? filter.Indication : null,
            Sites = filter.Sites.Where(s => AllSites.Any(a => a.Code == s)).Distinct().Order(StringComparer.Ordinal).ToList(),
            From = from,
            To = to,
        };
    }
}
