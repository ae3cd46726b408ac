using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;
using MvdRegistry.Data;
using MvdRegistry.Web.Access;

namespace MvdRegistry.Web.Entry;

/// <summary>The sites and surgeon codes a user may enter records under: offered on the forms, checked on every save.</summary>
public sealed class EntryChoices(RegistryDbContext db, RegistryUser user)
{
    public async Task<IReadOnlyList<Choice>> SitesAsync(CancellationToken ct = default)
    {
        var granted = user.Sites.ToList();
        var sites = await db.Sites.AsNoTracking().Where(s => granted.Contains(s.Code)).OrderBy(s => s.Code).ToListAsync(ct);
        return sites.Where(s => user.MayEditSite(s.Code)).Select(s => new Choice(s.Code, s.Name.Length > 0 && s.Name != s.Code ? $"{s.Code} · {s.Name}" : s.Code)).ToList();
    }

    /// <summary>
    /// The codes of the user's sites' surgeons (by the SITE-S1 convention of the registry's codes) and the
    /// user's own: other sites' surgeon codes are not shown (per-surgeon results are sensitive).
    /// </summary>
    public async Task<IReadOnlyList<string>> SurgeonCodesAsync(CancellationToken ct = default)
    {
        var prefixes = user.Sites.Select(s => s + "-").ToList();
        var codes = await db.Surgeons.AsNoTracking().Select(s => s.Code).OrderBy(c => c).ToListAsync(ct);
        return codes.Where(c => c == user.SurgeonCode || prefixes.Any(p => c.StartsWith(p, StringComparison.Ordinal))).ToList();
    }

    public IEnumerable<FieldIssue> CheckSite(string? site) =>
        site is null || user.MayEditSite(site) ? [] : [new FieldIssue("site_code", $"you may not enter records for site {site}: choose one of your sites")];

    /// <param name="unchanged">The code already saved on the record: kept without a check.</param>
    public async Task<IEnumerable<FieldIssue>> CheckSurgeonAsync(string? code, string? unchanged = null, CancellationToken ct = default)
    {
        if (code is null || code == unchanged || await db.Surgeons.AnyAsync(s => s.Code == code, ct)) return [];
        if (code == user.SurgeonCode)
        {
            // An administrator gave the user this code: it joins the surgeons with the first operation
            // entered under it (saved only if the operation is).
            if (db.Surgeons.Local.All(s => s.Code != code)) db.Surgeons.Add(new Surgeon { Code = code, UserName = user.Name });
            return [];
        }
        return [new FieldIssue("surgeon_code", $"{code} is not a known surgeon code: choose one from the list, or ask an administrator to add it")];
    }
}
