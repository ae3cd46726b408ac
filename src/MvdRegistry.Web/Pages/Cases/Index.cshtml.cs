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
using MvdRegistry.Application.Changes;
using MvdRegistry.Application.Scheduling;

namespace MvdRegistry.Web.Pages.Cases;

/// <summary>The operations of the user's granted sites: search, filters and paging, all done by the database.</summary>
[Authorize(Roles = $"{Roles.Surgeon},{Roles.Administrator}")]
public sealed class IndexModel(RegistryDbContext db, RegistryUser user, TimeProvider clock, OverdueLists overdue, CaseListTotals totals) : PageModel
{
    public const int PageSize = 25;

    /// <summary>Past this many operations skipped, a page is read joined and sorted rather than walked in order.</summary>
    public const int DeepOffset = 250;

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
        var granted = user.Sites.Order(StringComparer.Ordinal).ToList();
        // Read before what it guards (ChangeStamp): the totals below are kept under it.
        var stamp = await ChangeStamp.ReadAsync(db, ct);
        var sitesKey = string.Join(",", granted);
        Sites = await db.Sites.AsNoTracking().Where(s => granted.Contains(s.Code)).OrderBy(s => s.Code).ToListAsync(ct);
        // One pass over the granted sites' operations (from an index, per patient of the sites): the surgeon
        // choices, and with them the total of the unfiltered list.
        var all = await totals.GetAsync(sitesKey, stamp, async () =>
        {
            var bySurgeon = await db.Operations.Readable(user)
                .GroupBy(o => o.SurgeonCode).Select(g => new { Code = g.Key, Count = g.Count() }).OrderBy(g => g.Code)
                .ToListAsync(ct);
            return new CaseListTotal(bySurgeon.Select(s => s.Code!).ToList(), bySurgeon.Sum(s => s.Count));
        });
        Surgeons = all.Surgeons.ToList();
        Years = Enumerable.Range(2000, today.Year - 1999).Reverse().ToArray();
        Filter = Sanitised(filter);

        // The count joins the sites' patients to their operations; the page walks the operations in the
        // list's order and checks each one's site (ReadableOneByOne), stopping at the page's end.
        var counted = Apply(db.Operations.Readable(user), Filter);
        var listed = Apply(db.ReadableOneByOne(user, Filter.Site), Filter, siteInScope: true);
        // The overdue filter reads the stored overdue lists, as /FollowUps/Overdue does; its total is kept
        // under the lists' times as well. For one site (a surgeon's, or the site filter) the page walks that
        // site's stored rows in the list's order (OverdueLists.StoredRows), each checked against the operations
        // the page may list. For several sites it walks the operations and checks each one's stored row: over
        // all sites PostgreSQL would join every stored row to the operations before sorting them.
        var listsStamp = "";
        IQueryable<OverdueOperation>? overdueListed = null;
        if (Filter.Overdue)
        {
            var lists = await overdue.EnsureAsync(user, ct);
            listsStamp = string.Join(",", lists.Select(l => $"{l.SiteCode} {l.ComputedAt:O} {l.UpdatedAt:O}"));
            var overdueCases = overdue.StoredRows(user).Select(r => r.CaseId);
            counted = counted.Where(o => overdueCases.Contains(o.CaseId));
            var scope = listed;
            if ((Filter.Site ?? (granted.Count == 1 ? granted[0] : null)) is { } oneSite)
                overdueListed = overdue.StoredRows(user, oneSite).Where(r => scope.Any(o => o.CaseId == r.CaseId));
            else
                listed = listed.Where(o => overdueCases.Any(id => id == o.CaseId));
        }
        Total = Filter.IsEmpty ? all.Total
            : (await totals.GetAsync($"{sitesKey}|{Filter.Key}", stamp is null ? null : $"{stamp}; lists {listsStamp}",
                async () => new CaseListTotal([], await counted.CountAsync(ct)))).Total;
        var pageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        Pager = new Pager(page, pageCount, p => Url.Page("/Cases/Index", Filter.RouteValues(p)));

        // A search by key finds a few operations, and a page deep into the list would walk most of the index
        // one by one: both are read joined and sorted instead, as the count reads them.
        var joined = Filter.Q is not null || (page - 1) * PageSize > DeepOffset;
        // The page's keys first, then its columns: the last visit and the death check are read for its 25
        // operations only, not for every operation sorted.
        var keys = !joined && overdueListed is not null
            ? overdueListed
                .OrderByDescending(r => r.SurgeryDate).ThenBy(r => r.CaseId)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .Select(r => r.CaseId)
            : (joined ? counted : listed)
                .OrderByDescending(o => o.SurgeryDate).ThenBy(o => o.CaseId)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .Select(o => o.CaseId);
        Rows = await db.Operations.Where(o => keys.Contains(o.CaseId))
            .OrderByDescending(o => o.SurgeryDate).ThenBy(o => o.CaseId)
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

    private static IQueryable<Operation> Apply(IQueryable<Operation> query, CaseFilter filter, bool siteInScope = false)
    {
        if (filter.Q is { } q)
        {
            // Keys and MRNs are usually upper case: "c07000001" finds C07000001, exactly and through the indexes.
            var upper = q.ToUpperInvariant();
            query = query.Where(o => o.CaseId == q || o.CaseId == upper || o.PatientId == q || o.PatientId == upper
                || o.Patient!.Mrn == q || o.Patient.Mrn == upper);
        }
        // The page's scope holds the site filter already (ReadableOneByOne); the count joins it.
        if (filter.Site is { } site && !siteInScope) query = query.Where(o => o.Patient!.SiteCode == site);
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
