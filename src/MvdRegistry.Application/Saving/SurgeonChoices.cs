using Microsoft.EntityFrameworkCore;
using MvdRegistry.Application.Users;
using MvdRegistry.Data;

namespace MvdRegistry.Application.Saving;

/// <summary>
/// The surgeon codes a user may put on an operation. Administrators: any known surgeon. Surgeons: the
/// surgeons of their granted sites (one linked to a user granted the site, one who has operated there,
/// or one whose code carries the site's prefix, as the registry's SITE-S1 codes do) and their own code.
/// Other sites' codes are never offered, and a code that is not allowed gets the same answer whether it
/// exists or not (no oracle of other sites' codes).
/// </summary>
public static class SurgeonChoices
{
    public static IQueryable<string> Allowed(RegistryDbContext db, IActingUser user)
    {
        var surgeons = db.Surgeons.AsNoTracking();
        if (user.IsAdministrator) return surgeons.Select(s => s.Code);
        var sites = user.Sites.ToList();
        var own = user.SurgeonCode;
        var colleagues = db.Users.Where(u => u.Sites.Any(g => sites.Contains(g.SiteCode))).Select(u => u.UserName);
        var operated = db.Operations.Where(o => sites.Contains(o.Patient!.SiteCode!)).Select(o => o.SurgeonCode);
        var allowed = surgeons.Where(s => s.Code == own
            || (s.UserName != null && colleagues.Contains(s.UserName))
            || operated.Contains(s.Code));
        // The SITE- prefix convention is added in memory by the callers (EF cannot translate StartsWith over a list).
        return allowed.Select(s => s.Code);
    }

    /// <summary>Every code the user may choose, sorted (the form's suggestions).</summary>
    public static async Task<IReadOnlyList<string>> ListAsync(RegistryDbContext db, IActingUser user, CancellationToken ct = default)
    {
        var prefixes = user.Sites.Select(s => s + "-").ToList();
        var allowed = await Allowed(db, user).ToListAsync(ct);
        var prefixed = user.IsAdministrator ? [] : (await db.Surgeons.AsNoTracking().Select(s => s.Code).ToListAsync(ct))
            .Where(c => prefixes.Any(p => c.StartsWith(p, StringComparison.Ordinal)));
        return allowed.Concat(prefixed).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    public static async Task<bool> MayChooseAsync(RegistryDbContext db, IActingUser user, string code, CancellationToken ct = default)
    {
        if (!await db.Surgeons.AnyAsync(s => s.Code == code, ct)) return false;
        if (user.IsAdministrator || user.Sites.Any(s => code.StartsWith(s + "-", StringComparison.Ordinal))) return true;
        return await Allowed(db, user).AnyAsync(c => c == code, ct);
    }
}
