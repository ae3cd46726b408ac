using Microsoft.EntityFrameworkCore;
using MvdRegistry.Application.Saving;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Data;
using MvdRegistry.Web.Access;

namespace MvdRegistry.Web.Entry;

/// <summary>The sites and surgeon codes a user may enter records under: offered on the forms, checked on every save by the save handler.</summary>
public sealed class EntryChoices(RegistryDbContext db, RegistryUser user)
{
    public async Task<IReadOnlyList<Choice>> SitesAsync(CancellationToken ct = default)
    {
        var granted = user.Sites.ToList();
        var sites = await db.Sites.AsNoTracking().Where(s => granted.Contains(s.Code)).OrderBy(s => s.Code).ToListAsync(ct);
        return sites.Where(s => user.MayEditSite(s.Code)).Select(s => new Choice(s.Code, s.Name.Length > 0 && s.Name != s.Code ? $"{s.Code} · {s.Name}" : s.Code)).ToList();
    }

    /// <summary>The surgeon codes the user may put on an operation (other sites' codes are never shown: per-surgeon results are sensitive).</summary>
    public Task<IReadOnlyList<string>> SurgeonCodesAsync(CancellationToken ct = default) => SurgeonChoices.ListAsync(db, user, ct);
}
