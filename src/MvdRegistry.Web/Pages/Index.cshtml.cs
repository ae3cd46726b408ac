using Microsoft.AspNetCore.Mvc.RazorPages;
using MvdRegistry.Application.Scheduling;
using MvdRegistry.Application.Statistics.Snapshots;
using MvdRegistry.Application.Worklists;
using MvdRegistry.Data;
using MvdRegistry.Web.Access;

namespace MvdRegistry.Web.Pages;

/// <summary>
/// The home page: a worklist per role, one section for each role the user holds. A surgeon sees what
/// is due from them in their own sites, a researcher the latest statistics' headline, an
/// administrator the jobs, schedules and users. Nobody reads registry-wide counts of identified records.
/// </summary>
public sealed class IndexModel(RegistryDbContext db, OverdueLists overdueLists, SnapshotValuesCache snapshots, RegistryUser user, TimeProvider clock) : PageModel
{
    public SurgeonWorklist? Surgeon { get; private set; }

    public bool IsResearcher => user.IsResearcher;

    public ResearcherHeadline? Headline { get; private set; }

    public AdministratorOverview? Administrator { get; private set; }

    public string? SurgeonCode => user.SurgeonCode;

    public IReadOnlyList<string> Sites => user.Sites.Order(StringComparer.Ordinal).ToList();

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (user.IsSurgeon) Surgeon = await SurgeonWorklist.LoadAsync(db, overdueLists, snapshots, user, Today.Of(clock), ct);
        if (user.IsResearcher) Headline = await ResearcherHeadline.LatestAsync(db, snapshots, ct);
        if (user.IsAdministrator) Administrator = await AdministratorOverview.LoadAsync(db, clock.GetUtcNow().UtcDateTime, ct);
    }
}
