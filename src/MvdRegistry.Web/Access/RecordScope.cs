using MvdRegistry.Core.Model;
using MvdRegistry.Data;

namespace MvdRegistry.Web.Access;

/// <summary>
/// Narrows queries to what the signed-in user may read, so that no page or endpoint can reach another
/// site's record by changing an id: every lookup of an identified record goes through here.
/// </summary>
public static class RecordScope
{
    public static IQueryable<Patient> Readable(this IQueryable<Patient> patients, RegistryUser user)
    {
        if (!user.MaySeeIdentified) return patients.Where(_ => false);
        var sites = user.Sites.ToList();
        if (sites.Count == 1)
        {
            // One site, the usual grant: an equality, whose SQL EF Core keeps (a list's is made anew on every query).
            var site = sites[0];
            return patients.Where(p => p.SiteCode == site);
        }
        return patients.Where(p => sites.Contains(p.SiteCode!));
    }

    public static IQueryable<Operation> Readable(this IQueryable<Operation> operations, RegistryUser user)
    {
        if (!user.MaySeeIdentified) return operations.Where(_ => false);
        var sites = user.Sites.ToList();
        if (sites.Count == 1)
        {
            var site = sites[0];
            return operations.Where(o => o.Patient!.SiteCode == site);
        }
        return operations.Where(o => sites.Contains(o.Patient!.SiteCode!));
    }

    /// <summary>
    /// The same operations as <see cref="Readable(IQueryable{Operation}, RegistryUser)"/> (narrowed to one of the
    /// granted sites when <paramref name="site"/> is given), each one's site checked through its patient
    /// (<c>EXISTS</c>) instead of joined: for a page read in an index's order, so that the database walks
    /// the index and stops at the page's end instead of sorting every operation of the sites.
    /// </summary>
    public static IQueryable<Operation> ReadableOneByOne(this RegistryDbContext db, RegistryUser user, string? site = null)
    {
        if (!user.MaySeeIdentified) return db.Operations.Where(_ => false);
        var sites = user.Sites.Where(s => site is null || s == site).ToList();
        return db.Operations.Where(o => db.Patients.Any(p => p.PatientId == o.PatientId && sites.Contains(p.SiteCode!)));
    }
}
