namespace MvdRegistry.Core.Access;

/// <summary>The registry's roles (Entra ID app roles of the same names). A user may hold several.</summary>
public static class Roles
{
    /// <summary>Enters and edits operations of the sites granted.</summary>
    public const string Surgeon = "Surgeon";

    /// <summary>Reads de-identified data and statistics; never an identifier or an exact date.</summary>
    public const string Researcher = "Researcher";

    /// <summary>Users, sites, roles, audit log, reports.</summary>
    public const string Administrator = "Administrator";

    public static readonly IReadOnlyList<string> All = [Surgeon, Researcher, Administrator];
}
