using System.Security.Claims;
using MvdRegistry.Core.Access;
using MvdRegistry.Data.Auditing;

namespace MvdRegistry.Web.Access;

/// <summary>The signed-in user as the registry sees them: roles, granted sites, surgeon code.</summary>
public sealed class RegistryUser(IHttpContextAccessor accessor) : Application.Users.IActingUser
{
    private ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public string Name => Principal.Identity?.Name ?? "anonymous";

    public bool IsSurgeon => Principal.IsInRole(Roles.Surgeon);

    public bool IsResearcher => Principal.IsInRole(Roles.Researcher);

    public bool IsAdministrator => Principal.IsInRole(Roles.Administrator);

    /// <summary>Only surgeons and administrators ever see identified data; researchers never do.</summary>
    public bool MaySeeIdentified => IsSurgeon || IsAdministrator;

    public IReadOnlySet<string> Sites => Principal.FindAll(RegistryClaims.Site).Select(c => c.Value).ToHashSet();

    public string? SurgeonCode => Principal.FindFirst(RegistryClaims.SurgeonCode)?.Value;

    /// <summary>Identified records of a site: surgeons and administrators of a granted site.</summary>
    public bool MayReadSite(string? siteCode) => MaySeeIdentified && siteCode is not null && Sites.Contains(siteCode);

    /// <summary>Surgeons read and write the operations of their granted sites only.</summary>
    public bool MayEditSite(string? siteCode) => IsSurgeon && siteCode is not null && Sites.Contains(siteCode);
}
