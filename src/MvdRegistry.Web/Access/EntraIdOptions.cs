namespace MvdRegistry.Web.Access;

/// <summary>
/// The "AzureAd" section that Microsoft.Identity.Web reads, as far as the registry needs it to start:
/// with Authentication:Mode = EntraId the host refuses to start when one of these is missing, instead
/// of answering 500 to every request.
/// </summary>
public sealed class EntraIdOptions
{
    public const string Section = "AzureAd";

    public string? Instance { get; set; }

    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    /// <summary>The pages sign in with the authorization code flow, which needs the app registration's secret.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The settings that are missing, named as environment variables name them.</summary>
    public IEnumerable<string> Missing()
    {
        if (string.IsNullOrWhiteSpace(Instance)) yield return "AzureAd:Instance";
        if (string.IsNullOrWhiteSpace(TenantId)) yield return "AzureAd:TenantId";
        if (string.IsNullOrWhiteSpace(ClientId)) yield return "AzureAd:ClientId";
        if (string.IsNullOrWhiteSpace(ClientSecret)) yield return "AzureAd:ClientSecret";
    }
}
