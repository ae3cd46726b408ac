using MvdRegistry.Core.Model;

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
        return patients.Where(p => sites.Contains(p.SiteCode!));
    }

    public static IQueryable<Operation> Readable(this IQueryable<Operation> operations, RegistryUser user)
    {
        if (!user.MaySeeIdentified) return operations.Where(_ => false);
        var sites = user.Sites.ToList();
        return operations.Where(o => sites.Contains(o.Patient!.SiteCode!));
    }
}
