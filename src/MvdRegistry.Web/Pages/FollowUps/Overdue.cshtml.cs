using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MvdRegistry.Application.Scheduling;
using MvdRegistry.Core.Model;
using MvdRegistry.Web.Access;
using MvdRegistry.Web.Pages.Shared;

namespace MvdRegistry.Web.Pages.FollowUps;

/// <summary>
/// A surgeon's overdue follow-ups, read from the stored overdue lists (<see cref="OverdueLists"/>): by
/// default the operations under their own surgeon code, or all of their granted sites (what a research
/// nurse chases). Always within the granted sites.
/// </summary>
[Authorize(Policy = Policies.Surgeon)]
public sealed class OverdueModel(OverdueLists overdue, RegistryUser user) : PageModel
{
    public const int PageSize = 50;
    public const string Mine = "mine";
    public const string AllSites = "sites";

    public string Scope { get; private set; } = AllSites;
    public string? SurgeonCode => user.SurgeonCode;
    public IReadOnlyCollection<string> Sites => user.Sites.Order(StringComparer.Ordinal).ToArray();
    public IReadOnlyList<OverdueItem> Rows { get; private set; } = [];
    public IReadOnlyList<OverdueSiteList> Lists { get; private set; } = [];
    public int Total { get; private set; }
    public Pager Pager { get; private set; } = new(1, 1, _ => null);

    public async Task OnGetAsync([FromQuery] string? scope, [FromQuery(Name = "p")] int page = 1, CancellationToken ct = default)
    {
        Scope = scope switch
        {
            Mine when SurgeonCode is not null => Mine,
            AllSites => AllSites,
            _ => SurgeonCode is not null ? Mine : AllSites,
        };
        var mine = Scope == Mine;
        var count = await overdue.CountForUserAsync(user, mine, ct);
        var pageCount = Math.Max(1, (count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        Pager = new Pager(page, pageCount, p => Url.Page("/FollowUps/Overdue", new { scope = Scope, p = p > 1 ? p : (int?)null }));
        // Most recently due first: those are the patients still within reach of a call.
        var listing = await overdue.ForUserAsync(user, mine, (page - 1) * PageSize, PageSize, ct);
        (Rows, Total, Lists) = (listing.Items, listing.Total, listing.Lists);
    }
}
