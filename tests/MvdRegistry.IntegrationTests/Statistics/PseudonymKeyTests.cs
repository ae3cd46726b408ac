using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using MvdRegistry.Application.Statistics;
using MvdRegistry.IntegrationTests.Web;

namespace MvdRegistry.IntegrationTests.Statistics;

/// <summary>Statistics:PseudonymKey is validated when the host starts: outside Development the public built-in key is refused.</summary>
public sealed class PseudonymKeyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mvd-pseudonym-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(null, "Statistics:PseudonymKey is not set")]
    [InlineData(PseudonymOptions.DevelopmentKey, "is the public development key")]
    [InlineData("short-secret", "is too short")]
    public void Outside_Development_the_registry_refuses_to_start_without_a_secret_of_its_own(string? key, string message)
    {
        using var factory = Host("Production", key);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(message, error.ToString());
    }

    [Fact]
    public async Task Outside_Development_a_secret_of_its_own_lets_it_start()
    {
        using var factory = Host("Staging", "a-random-secret-of-the-registry-0123456789");

        var health = await factory.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private WebApplicationFactory<Program> Host(string environment, string? key)
    {
        var settings = new Dictionary<string, string?>(DeployedHost.EntraId) { ["Statistics:PseudonymKey"] = key };
        return DeployedHost.Create(environment, Path.Combine(_folder, "registry.db"), settings);
    }
}
