using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Access;

namespace MvdRegistry.Application.Users;

/// <summary>
/// A job (or a command-line run) acting for the user who asked for it: their roles and site grants as
/// the registry holds them when the job starts, and an audit name naming both ("alice via job
/// statistics-snapshot #42").
/// </summary>
public sealed class JobUser(string name, string job, IEnumerable<string> roles, IEnumerable<string> sites, string? surgeonCode) : IActingUser
{
    private readonly HashSet<string> _roles = roles.ToHashSet(StringComparer.Ordinal);

    public string Name { get; } = name;

    /// <summary>The job's name and run ("statistics-snapshot #42").</summary>
    public string Job { get; } = job;

    public bool IsSurgeon => _roles.Contains(Roles.Surgeon);

    public bool IsAdministrator => _roles.Contains(Roles.Administrator);

    public IReadOnlySet<string> Sites { get; } = sites.ToHashSet(StringComparer.Ordinal);

    public string? SurgeonCode { get; } = surgeonCode;

    public bool MayEditSite(string? siteCode) => IsSurgeon && siteCode is not null && Sites.Contains(siteCode);

    /// <summary>The user's account as it is now; null when there is no such user (the job must not run).</summary>
    public static async Task<JobUser?> ForAsync(Data.RegistryDbContext db, string userName, string job, CancellationToken ct = default)
    {
        var account = await db.Users.AsNoTracking().Include(u => u.Sites).SingleOrDefaultAsync(u => u.UserName == userName, ct);
        return account is null ? null
            : new JobUser(account.UserName, job, account.RoleList, account.Sites.Select(s => s.SiteCode), account.SurgeonCode);
    }
}
