using Microsoft.EntityFrameworkCore;
using MvdRegistry.Application.Users;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;

namespace MvdRegistry.Application.Scheduling;

/// <summary>
/// The one way pages read the stored overdue lists (written by <see cref="OverdueListStore"/>): the
/// overdue follow-ups page, the case list's overdue filter, and anything else that counts a user's
/// overdue operations. Always within the user's granted sites. A granted site whose list was never
/// computed gets it computed here, on first need, so that no page shows "nothing overdue" for a list
/// that does not exist.
/// </summary>
public sealed class OverdueLists(RegistryDbContext db, OverdueListStore store, TimeProvider clock)
{
    /// <summary>A page of the user's overdue operations, most recently due first: all of their sites, or (<paramref name="mineOnly"/>) those under their surgeon code.</summary>
    public async Task<OverdueListing> ForUserAsync(IActingUser user, bool mineOnly, int skip, int take, CancellationToken ct = default)
    {
        var lists = await EnsureAsync(user, ct);
        var query = Rows(user, mineOnly);
        var total = await query.CountAsync(ct);
        var today = Today.Of(clock);
        var rows = await query
            .OrderByDescending(r => r.LatestMissedDate).ThenBy(r => r.CaseId)
            .Skip(skip).Take(take)
            .Select(r => new
            {
                r.CaseId, r.PatientId, r.Operation!.Patient!.Mrn, r.SiteCode, r.Operation.Indication, r.Operation.Side, r.SurgeryDate, r.SurgeonCode,
                r.FirstMissedDay, r.LatestMissedDay, r.LatestMissedDate, r.LastSeen, r.SeenAtVisit,
            })
            .AsNoTracking().ToListAsync(ct);
        var items = rows.Select(r => new OverdueItem
        {
            CaseId = r.CaseId,
            PatientId = r.PatientId,
            Mrn = r.Mrn,
            Site = r.SiteCode,
            Indication = r.Indication,
            Side = r.Side,
            SurgeryDate = r.SurgeryDate,
            Surgeon = r.SurgeonCode,
            FirstMissedDay = r.FirstMissedDay,
            LatestMissedDay = r.LatestMissedDay,
            LatestMissedDate = r.LatestMissedDate,
            LastSeen = r.LastSeen,
            SeenAtVisit = r.SeenAtVisit,
            DaysSinceLatestMissed = today.DayNumber - r.LatestMissedDate.DayNumber,
            DaysSinceSeen = today.DayNumber - r.LastSeen.DayNumber,
        }).ToList();
        return new OverdueListing(items, total, lists);
    }

    /// <summary>How many operations of the user's list are overdue (all of their sites, or those under their surgeon code).</summary>
    public async Task<int> CountForUserAsync(IActingUser user, bool mineOnly, CancellationToken ct = default)
    {
        await EnsureAsync(user, ct);
        return await Rows(user, mineOnly).CountAsync(ct);
    }

    /// <summary>
    /// The user's stored overdue rows, of all of their granted sites or of <paramref name="site"/> among them, for a
    /// list's query to filter on or to walk in the case list's order (in the database; ensure the lists first,
    /// <see cref="EnsureAsync"/>). A row is rewritten in the transaction of every change of its operation or
    /// patient, so its site, surgery date and case are the operation's: walking the index on them (site,
    /// surgery date latest first, case) reads the overdue operations in the list's order, 25 rows for 25
    /// operations, instead of walking every operation by date and looking each one up in the list (for one
    /// site: over several, PostgreSQL joins every row before sorting).
    /// </summary>
    public IQueryable<OverdueOperation> StoredRows(IActingUser user, string? site = null)
    {
        var sites = user.Sites.Where(s => site is null || s == site).ToList();
        if (sites.Count != 1) return db.OverdueOperations.Where(r => sites.Contains(r.SiteCode));
        // One site (a surgeon's) is compared with "=": PostgreSQL then walks the index in order instead of sorting.
        var only = sites[0];
        return db.OverdueOperations.Where(r => r.SiteCode == only);
    }

    /// <summary>The stored lists of the user's granted sites, each computed now if it never was.</summary>
    public async Task<IReadOnlyList<OverdueSiteList>> EnsureAsync(IActingUser user, CancellationToken ct = default)
    {
        var sites = user.Sites.ToList();
        var stored = await db.OverdueSiteLists.AsNoTracking().Where(l => sites.Contains(l.SiteCode)).ToListAsync(ct);
        var missing = sites.Except(stored.Select(l => l.SiteCode)).ToList();
        if (missing.Count == 0) return stored.OrderBy(l => l.SiteCode, StringComparer.Ordinal).ToList();
        var known = await db.Sites.AsNoTracking().Where(s => missing.Contains(s.Code)).Select(s => s.Code).ToListAsync(ct);
        foreach (var site in known.Order(StringComparer.Ordinal)) await store.ReplaceSiteAsync(site, user.Name, null, ct);
        return await db.OverdueSiteLists.AsNoTracking().Where(l => sites.Contains(l.SiteCode)).OrderBy(l => l.SiteCode).ToListAsync(ct);
    }

    private IQueryable<OverdueOperation> Rows(IActingUser user, bool mineOnly)
    {
        var sites = user.Sites.ToList();
        var rows = db.OverdueOperations.Where(r => sites.Contains(r.SiteCode));
        if (mineOnly)
        {
            if (user.SurgeonCode is not { } code) return rows.Where(_ => false);
            rows = rows.Where(r => r.SurgeonCode == code);
        }
        return rows;
    }
}
