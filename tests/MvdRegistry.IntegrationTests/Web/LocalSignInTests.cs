using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MvdRegistry.IntegrationTests.Web;

public sealed class LocalSignInTests
{
    [Fact]
    public void The_local_sign_in_refuses_to_start_in_Production()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseEnvironment("Production")
            .UseSetting("Authentication:Mode", "Local")
            .UseSetting("ConnectionStrings:Registry", "Data Source=:memory:"));

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("must not run in Production", error.ToString());
    }
}
