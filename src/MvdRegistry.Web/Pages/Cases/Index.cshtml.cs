using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Access;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Outcomes;
using MvdRegistry.Data;
using MvdRegistry.Web.Access;
using MvdRegistry.Web.Pages.Shared;
using MvdRegistry.Application.Scheduling;

namespace MvdRegistry.Web.Pages.Cases;

/// <summary>The operations of the user's granted sites: search, filters and paging, all done by the database.</summary>
[Authorize(Roles = $"{Roles.Surgeon},{Roles.Administrator}")]
public sealed class IndexModel(RegistryDbContext db, RegistryUser user, TimeProvider clock, OverdueLists overdue) : PageModel
{
    public const int PageSize = 25;

    public CaseFilter Filter { get; private set; } = new();
    public List<CaseRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public Pager Pager { get; private set; } = new(1, 1, _ => null);

    public List<Site> Sites { get; private set; } = [];
    public List<string> Surgeons { get; private set; } = [];
    public IReadOnlyList<Choice> Indications { get; } = DataDictionary.Instance.Get(Forms.Case, "indication").Choices;
    public IReadOnlyList<int> Years { get; private set; } = [];
    public bool MayAddOperation => user.IsSurgeon;

    public async Task OnGetAsync([FromQuery] CaseFilter filter, [FromQuery(Name = "p")] int page = 1, CancellationToken ct = default)
    {
        var today = Today.Of(clock);
        var granted = user.Sites.ToList();
        Sites = await db.Sites.AsNoTracking().Where(s => granted.Contains(s.Code)).OrderBy(s => s.Code).ToListAsync(ct);
        Surgeons = await db.Operations.Readable(user).Select(o => o.SurgeonCode!).Distinct().OrderBy(c => c).ToListAsync(ct);
        Years = Enumerable.Range(2000, today.Year - 1999).Reverse().ToArray();
        Filter = Sanitised(filter);

        var query = Apply(db.Operations.Readable(user), Filter);
        // The overdue filter reads the stored overdue lists, as /FollowUps/Overdue does.
        if (Filter.Overdue)
        {
            var overdueCases = await overdue.CaseIdsAsync(user, ct);
            query = query.Where(o => overdueCases.Contains(o.CaseId));
        }
        Total = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        Pager = new Pager(page, pageCount, p => Url.Page("/Cases/Index", Filter.RouteValues(p)));

        Rows = await query
            .OrderByDescending(o => o.SurgeryDate).ThenBy(o => o.CaseId)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(o => new CaseRow
            {
                CaseId = o.CaseId,
                PatientId = o.PatientId,
                Mrn = o.Patient!.Mrn,
                Site = o.Patient.SiteCode,
                Indication = o.Indication,
                Side = o.Side,
                SurgeryDate = o.SurgeryDate,
                Surgeon = o.SurgeonCode,
                LastVisit = o.FollowUps.Max(f => f.VisitDate),
                Expected = o.Patient.ConsentStatus != Codes.Withdrawn && !o.Complications.Any(c => c.ComplicationType == Codes.Death),
            })
            .AsNoTracking().ToListAsync(ct);
        foreach (var row in Rows) row.Next = NextVisit.Of(row.SurgeryDate, row.LastVisit, row.Expected, today);
    }

    /// <summary>Values that cannot match (a site not granted, an unknown code) are dropped rather than obeyed.</summary>
    private CaseFilter Sanitised(CaseFilter filter) => new()
    {
        Q = string.IsNullOrWhiteSpace(filter.Q) ? null : filter.Q.Trim(),
        Site = Sites.Any(s => s.Code == filter.Site) ? filter.Site : null,
        Indication = Indications.Any(c => c.Code == filter.Indication) ? filter.Indication : null,
        Surgeon = Surgeons.Contains(filter.Surgeon ?? "") ? filter.Surgeon : null,
        Year = Years.Contains(filter.Year ?? 0) ? filter.Year : null,
        Overdue = filter.Overdue,
    };

    private static IQueryable<Operation> Apply(IQueryable<Operation> query, CaseFilter filter)
    {
        if (filter.Q is { } q)
        {
            // Keys and MRNs are usually upper case: "c07000001" finds C07000001, exactly and through the indexes.
            var upper = q.ToUpperInvariant();
            query = query.Where(o => o.CaseId == q || o.CaseId == upper || o.PatientId == q || o.PatientId == upper
                || o.Patient!.Mrn == q || o.Patient.Mrn == upper);
        }
        if (filter.Site is { } site) query = query.Where(o => o.Patient!.SiteCode == site);
        if (filter.Indication is { } indication) query = query.Where(o => o.Indication == indication);
        if (filter.Surgeon is { } surgeon) query = query.Where(o => o.SurgeonCode == surgeon);
        if (filter.Year is { } year)
        {
            DateOnly? from = new DateOnly(year, 1, 1), to = new DateOnly(year + 1, 1, 1);
            query = query.Where(o => o.SurgeryDate >= from && o.SurgeryDate < to);
        }
        return query;
    }
}
