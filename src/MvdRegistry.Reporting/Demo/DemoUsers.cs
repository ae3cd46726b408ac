using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Access;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;

namespace MvdRegistry.Reporting.Demo;

/// <summary>
/// The users of the local development sign-in: one surgeon per site (linked to that site's first
/// surgeon code), a research nurse-surgeon with two sites, a researcher, and an administrator.
/// </summary>
public static class DemoUsers
{
    public const string Researcher = "researcher";
    public const string Administrator = "admin";

    public static string SurgeonOf(string site) => "surgeon." + site.ToLowerInvariant();

    public static async Task SeedAsync(RegistryDbContext db, CancellationToken ct = default)
    {
        if (await db.Users.AnyAsync(ct)) return;
        var sites = await db.Sites.OrderBy(s => s.Code).Select(s => s.Code).ToListAsync(ct);
        var surgeons = await db.Surgeons.OrderBy(s => s.Code).Select(s => s.Code).ToListAsync(ct);
        foreach (var site in sites)
        {
            db.Users.Add(new UserAccount
            {
                UserName = SurgeonOf(site),
                DisplayName = $"Surgeon at {site}",
                Roles = Roles.Surgeon,
                SurgeonCode = surgeons.FirstOrDefault(s => s.StartsWith(site + "-", StringComparison.Ordinal)),
                Sites = [new UserSite { SiteCode = site }],
            });
        }
        db.Users.Add(new UserAccount { UserName = Researcher, DisplayName = "Research fellow", Roles = Roles.Researcher });
        db.Users.Add(new UserAccount
        {
            UserName = Administrator,
            DisplayName = "Registry administrator",
            Roles = Roles.Administrator,
            Sites = sites.Select(s => new UserSite { SiteCode = s }).ToList(),
        });
        await db.SaveChangesAsync(ct);
    }
}
