using System.Net;

namespace MvdRegistry.IntegrationTests.Web;

/// <summary>The host refuses to start on a configuration that would be unsafe or broken, before it touches the database.</summary>
public sealed class HostStartTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mvd-start-").FullName;

    private string DatabaseFile => Path.Combine(_folder, "registry.db");

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("Production ")]
    [InlineData("development")]
    [InlineData("Test")]
    public void The_local_sign_in_refuses_to_start_in_any_environment_but_Development(string environment)
    {
        using var factory = DeployedHost.Create(environment, DatabaseFile, new Dictionary<string, string?> { ["Authentication:Mode"] = "Local" });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains($"Authentication:Mode is Local, the development sign-in that lets anyone act as any user without a password, and the environment is '{environment}'", error.Message);
        Assert.False(File.Exists(DatabaseFile), "the database was created by a host that must not start");
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Entra_ID_without_its_settings_refuses_to_start_and_names_them(string environment)
    {
        // appsettings.json gives the Instance and leaves the app registration's values empty.
        using var factory = DeployedHost.Create(environment, DatabaseFile, new Dictionary<string, string?> { ["Authentication:Mode"] = "EntraId" });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Authentication:Mode is EntraId but AzureAd:TenantId, AzureAd:ClientId, AzureAd:ClientSecret are not set", error.Message);
        Assert.False(File.Exists(DatabaseFile), "the database was created by a host that must not start");
    }

    [Fact]
    public void Entra_ID_without_its_client_secret_refuses_to_start()
    {
        using var factory = DeployedHost.Create("Production", DatabaseFile,
            new Dictionary<string, string?>(DeployedHost.EntraId) { ["AzureAd:ClientSecret"] = " " });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Authentication:Mode is EntraId but AzureAd:ClientSecret is not set", error.Message);
    }

    [Fact]
    public void An_unknown_authentication_mode_refuses_to_start()
    {
        using var factory = DeployedHost.Create("Development", DatabaseFile, new Dictionary<string, string?> { ["Authentication:Mode"] = "local" });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Authentication:Mode 'local' is neither EntraId nor Local", error.Message);
    }

    [Fact]
    public void A_proxy_that_is_not_an_address_refuses_to_start()
    {
        using var factory = DeployedHost.Create("Production", DatabaseFile, new Dictionary<string, string?>(DeployedHost.EntraId)
        {
            ["ForwardedHeaders:KnownProxies:0"] = "10.0.0.300",
            ["ForwardedHeaders:KnownNetworks:0"] = "172.16.0.0",
        });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("ForwardedHeaders:KnownProxies '10.0.0.300' is not an IP address", error.Message);
        Assert.Contains("ForwardedHeaders:KnownNetworks '172.16.0.0' is not a CIDR network", error.Message);
    }

    [Fact]
    public async Task Entra_ID_with_its_settings_starts_in_Production_and_answers_health()
    {
        await using var factory = DeployedHost.Create("Production", DatabaseFile, DeployedHost.EntraId);

        var health = await factory.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
