using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using MvdRegistry.Application.Statistics;

namespace MvdRegistry.IntegrationTests.Statistics;

/// <summary>Statistics:PseudonymKey is validated when the host starts: outside Development the public built-in key is refused.</summary>
public sealed class PseudonymKeyTests
{
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

    private static WebApplicationFactory<Program> Host(string environment, string? key) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(environment)
                .UseSetting("Authentication:Mode", "EntraId")
                .UseSetting("AzureAd:TenantId", "00000000-0000-0000-0000-000000000001")
                .UseSetting("AzureAd:ClientId", "00000000-0000-0000-0000-000000000002")
                .UseSetting("ConnectionStrings:Registry", "Data Source=:memory:");
            if (key is not null) web.UseSetting("Statistics:PseudonymKey", key);
        });
}
