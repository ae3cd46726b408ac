using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MvdRegistry.IntegrationTests.Web;

/// <summary>
/// The web host as deployed: an environment of the caller's choice (not Development), Entra ID with an
/// app registration's settings (never contacted by these tests), on an embedded SQLite file of its own.
/// </summary>
public static class DeployedHost
{
    public static readonly Dictionary<string, string?> EntraId = new()
    {
        ["Authentication:Mode"] = "EntraId",
        ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
        ["AzureAd:TenantId"] = "00000000-0000-0000-0000-00000000000a",
        ["AzureAd:ClientId"] = "00000000-0000-0000-0000-00000000000b",
        ["AzureAd:ClientSecret"] = "not-a-real-secret",
    };

    public static WebApplicationFactory<Program> Create(string environment, string databaseFile, IDictionary<string, string?> settings,
        Action<IWebHostBuilder>? configure = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(environment)
                .UseSetting("Database:Provider", "Sqlite")
                .UseSetting("ConnectionStrings:Registry", $"Data Source={databaseFile};Pooling=False")
                .UseSetting("Registry:DemoPatients", "0");
            foreach (var (key, value) in settings) web.UseSetting(key, value);
            configure?.Invoke(web);
        });
}
