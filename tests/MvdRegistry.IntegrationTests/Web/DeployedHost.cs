using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MvdRegistry.IntegrationTests.Web;

/// <summary>
/// The web host as deployed: an environment of the caller's choice (not Development), Entra ID with an
/// app registration's settings (never contacted by these tests), on an embedded SQLite file of its own.
/// </summary>
public static class DeployedHost
{
    /// <summary>With <see cref="WithTestSignIn"/>, the request header naming the signed-in user, as Entra ID would.</summary>
    public const string UserHeader = "X-Test-User";

    /// <summary>With <see cref="WithTestSignIn"/>, the user's app role.</summary>
    public const string RoleHeader = "X-Test-Role";

    public static readonly Dictionary<string, string?> EntraId = new()
    {
        ["Authentication:Mode"] = "EntraId",
        ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
        ["AzureAd:TenantId"] = "00000000-0000-0000-0000-00000000000a",
        ["AzureAd:ClientId"] = "00000000-0000-0000-0000-00000000000b",
        ["AzureAd:ClientSecret"] = "not-a-real-secret",
        ["Statistics:PseudonymKey"] = "the-deployed-test-host-own-secret-0123456789",
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

    /// <summary>
    /// Stands in for Entra ID (which the tests cannot reach): a request carrying <see cref="UserHeader"/> is
    /// signed in as that user with the app role of <see cref="RoleHeader"/>; any other is anonymous.
    /// </summary>
    public static IWebHostBuilder WithTestSignIn(this IWebHostBuilder web) => web.ConfigureTestServices(services =>
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, HeaderSignIn>(HeaderSignIn.Name, null);
        services.PostConfigure<AuthenticationOptions>(o =>
        {
            o.DefaultScheme = HeaderSignIn.Name;
            o.DefaultChallengeScheme = HeaderSignIn.Name;
        });
    });

    private sealed class HeaderSignIn(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string Name = "TestHeader";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(UserHeader, out var user)) return Task.FromResult(AuthenticateResult.NoResult());
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user.ToString()), new Claim(ClaimTypes.Role, Request.Headers[RoleHeader].ToString())], Name);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Name)));
        }
    }
}
