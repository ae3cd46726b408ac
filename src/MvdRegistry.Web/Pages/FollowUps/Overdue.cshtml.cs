using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Data;
using MvdRegistry.Web.Access;
using MvdRegistry.Web.Pages.Shared;
using MvdRegistry.Application.Scheduling;

namespace MvdRegistry.Web.Pages.FollowUps;

/// <summary>
/// A surgeon's overdue follow-ups: by default the operations under their own surgeon code, or all of
/// their granted sites (what a research nurse chases). Always within the granted sites.
/// </summary>
[Authorize(Policy = Policies.Surgeon)]
public sealed class OverdueModel(RegistryDbContext db, RegistryUser user, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;
    public const string Mine = "mine";
    public const string AllSites = "sites";

    public string Scope { get; private set; } = AllSites;
    public string? SurgeonCode => user.SurgeonCode;
    public IReadOnlyCollection<string> Sites => user.Sites.Order(StringComparer.Ordinal).ToArray();
    public List<OverdueRow> Rows { get; private set; } = [];
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
        var today = Today.Of(clock);
        var query = db.Operations.Readable(user);
        if (Scope == Mine) query = query.Where(o => o.SurgeonCode == SurgeonCode);

        // The database finds the overdue operations; how late each is (the page's order) is the Core's
        // rule applied to the few columns projected here. A site's overdue list is thousands of rows at most.
        var overdue = await query.Overdue(today)
            .Select(o => new OverdueRow
            {
                CaseId = o.CaseId,
                PatientId = o.PatientId,
                Mrn = o.Patient!.Mrn,
                Site = o.Patient.SiteCode,
                Indication = o.Indication,
                SurgeryDate = o.SurgeryDate,
                Surgeon = o.SurgeonCode,
                LastVisit = o.FollowUps.Max(f => f.VisitDate),
            })
            .AsNoTracking().ToListAsync(ct);
        foreach (var row in overdue)
        {
            row.Next = NextVisit.Of(row.SurgeryDate, row.LastVisit, expected: true, today);
            row.DaysSinceSeen = (row.LastVisit ?? row.SurgeryDate) is { } seen ? today.DayNumber - seen.DayNumber : null;
        }

        Total = overdue.Count;
        var pageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        Pager = new Pager(page, pageCount, p => Url.Page("/FollowUps/Overdue", new { scope = Scope, p = p > 1 ? p : (int?)null }));
        // Most recently due first: those are the patients still within reach of a call.
        Rows = overdue.OrderBy(r => r.Next.DaysSinceLatestMissed).ThenBy(r => r.CaseId, StringComparer.Ordinal)
            .Skip((page - 1) * PageSize).Take(PageSize).ToList();
    }
}
