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

namespace MvdRegistry.Web.Pages.Statistics;

/// <summary>
/// Benefit, risk and benefit-risk of the chosen operations, de-identified: counts, rates and days
/// after surgery only; no MRN, no birth date, no exact date; surgeons pseudonymised (see <see cref="SurgeonNames"/>).
/// </summary>
[Authorize(Policy = Policies.Statistics)]
public sealed class IndexModel(RegistryDbContext db, RegistryUser user, TimeProvider clock, IOptions<PseudonymOptions> pseudonyms) : PageModel
{
    public StatisticsFilter Filter { get; private set; } = new();
    public List<Site> AllSites { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<string> IndicationChoices => RegistryStatistics.BenefitIndications;
    public StatisticsView View { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery] StatisticsFilter filter, CancellationToken ct = default)
    {
        var today = Today.Of(clock);
        AllSites = await db.Sites.AsNoTracking().OrderBy(s => s.Code).ToListAsync(ct);
        Years = Enumerable.Range(2000, today.Year - 1999).ToArray();
        Filter = Sanitised(filter);

        var codes = await db.Surgeons.AsNoTracking().Select(s => s.Code).ToListAsync(ct);
        var surgeons = new SurgeonNames(codes, pseudonyms.Value.Key, real: user.IsAdministrator, own: user.SurgeonCode, siteFiltered: Filter.Sites.Count > 0);
        View = await StatisticsQuery.RunAsync(db, Filter, surgeons, today, ct);
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
