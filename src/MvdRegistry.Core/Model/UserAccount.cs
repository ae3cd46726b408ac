namespace MvdRegistry.Core.Model;

/// <summary>
/// A person who signs in. With Entra ID the roles come from the app registration's app roles and
/// these rows hold the site grants (and the roles used by the local development sign-in).
/// </summary>
public sealed class UserAccount : IVersioned
{
    public int Version { get; set; }

    /// <summary>The sign-in name (Entra ID preferred_username, or the local development user's name).</summary>
    public string UserName { get; set; } = "";

    public string DisplayName { get; set; } = "";

    /// <summary>Role names joined by "|".</summary>
    public string Roles { get; set; } = "";

    /// <summary>The surgeon code this user operates under, if a surgeon.</summary>
    public string? SurgeonCode { get; set; }

    public List<UserSite> Sites { get; set; } = [];

    public IReadOnlyList<string> RoleList => RolesOf(Roles);

    /// <summary>The role names of a stored <see cref="Roles"/> value.</summary>
    public static IReadOnlyList<string> RolesOf(string roles) => roles.Split('|', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>A site granted to a user: like a REDCap data access group membership.</summary>
public sealed class UserSite
{
    public string UserName { get; set; } = "";

    public string SiteCode { get; set; } = "";
}
