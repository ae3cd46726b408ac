using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace MvdRegistry.IntegrationTests.Web;

/// <summary>
/// Behind the TLS proxy of a deployment: X-Forwarded-Proto is believed from the configured proxy only,
/// plain HTTP is redirected to HTTPS, HSTS is sent, and every cookie the registry sets is Secure.
/// </summary>
public sealed class TransportSecurityTests : IDisposable
{
    private const string Proxy = "10.0.0.1";
    private readonly string _folder = Directory.CreateTempSubdirectory("mvd-transport-").FullName;

    private WebApplicationFactory<Program> Host(bool withProxy = true, string environment = "Production") =>
        DeployedHost.Create(environment, Path.Combine(_folder, "registry.db"), new Dictionary<string, string?>(DeployedHost.EntraId)
        {
            ["https_port"] = "443",
        }.Concat(withProxy ? [new("ForwardedHeaders:KnownProxies:0", Proxy)] : []).ToDictionary(), web => web.WithTestSignIn().ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter, PeerAddressFromHeader>();
            services.AddSingleton<IStartupFilter, CookieProbe>();
        }));

    private static HttpClient Client(WebApplicationFactory<Program> host) => host.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = false,
        BaseAddress = new Uri("http://registry.example"),
    });

    /// <summary>A request arriving over plain HTTP from <paramref name="peer"/>, claiming the client used HTTPS.</summary>
    private static HttpRequestMessage Forwarded(string path, string peer)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(PeerAddressFromHeader.Header, peer);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        request.Headers.Add(DeployedHost.UserHeader, "researcher");
        request.Headers.Add(DeployedHost.RoleHeader, "Researcher");
        return request;
    }

    [Fact]
    public async Task HTTPS_forwarded_by_the_configured_proxy_is_honoured_with_HSTS()
    {
        await using var host = Host();

        var response = await Client(host).SendAsync(Forwarded("/health", Proxy));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task HTTPS_claimed_by_any_other_peer_is_ignored_and_redirected()
    {
        await using var host = Host();

        var response = await Client(host).SendAsync(Forwarded("/health", "10.0.0.2"));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https://registry.example/health", response.Headers.Location!.ToString());
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Without_a_configured_proxy_no_forwarded_header_is_believed()
    {
        await using var host = Host(withProxy: false);

        var response = await Client(host).SendAsync(Forwarded("/health", Proxy));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
    }

    [Fact]
    public async Task Every_cookie_is_Secure_outside_Development()
    {
        await using var host = Host();

        var response = await Client(host).SendAsync(Forwarded(CookieProbe.Path, Proxy));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Cookies=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("probe=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_development_sign_in_keeps_plain_HTTP_cookies()
    {
        await using var host = Host(environment: "Development");

        var request = new HttpRequestMessage(HttpMethod.Get, CookieProbe.Path);
        request.Headers.Add(DeployedHost.UserHeader, "researcher");
        request.Headers.Add(DeployedHost.RoleHeader, "Researcher");

        var response = await Client(host).SendAsync(request);

        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith("probe=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The test server has no peer address: the test names it, ahead of the registry's pipeline.</summary>
    private sealed class PeerAddressFromHeader : IStartupFilter
    {
        public const string Header = "X-Test-Peer";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(Header, out var peer)) context.Connection.RemoteIpAddress = IPAddress.Parse(peer!);
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    /// <summary>
    /// After the registry's whole pipeline (signed in, so past the authorization fallback), a request for <see cref="Path"/> gets the cookies the registry
    /// sets: the antiforgery cookie, the sign-in cookie of its cookie scheme, and a plain one.
    /// </summary>
    private sealed class CookieProbe : IStartupFilter
    {
        public const string Path = "/test/cookies";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(async context =>
            {
                if (context.Request.Path != Path)
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }
                context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
                var schemes = context.RequestServices.GetRequiredService<IAuthenticationSchemeProvider>();
                if (await schemes.GetSchemeAsync("Cookies") is not null)
                    await context.SignInAsync("Cookies", new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "probe")], "probe")));
                context.Response.Cookies.Append("probe", "1");
                await context.Response.WriteAsync("cookies set");
            });
        };
    }
}
