namespace MvdRegistry.Web.Access;

public static class RegistryClaims
{
    /// <summary>A site granted to the signed-in user (one claim per site).</summary>
    public const string Site = "mvd:site";

    /// <summary>The surgeon code the signed-in user operates under.</summary>
    public const string SurgeonCode = "mvd:surgeon";

    /// <summary>Marks a principal whose sites (and local roles) were read from the registry.</summary>
    public const string Loaded = "mvd:loaded";
}
