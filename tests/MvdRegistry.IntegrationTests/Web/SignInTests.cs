using System.Net;
using MvdRegistry.IntegrationTests.Infrastructure;

namespace MvdRegistry.IntegrationTests.Web;

public sealed class SignInTests(SqliteTestDatabase database) : RegistryTests<SqliteTestDatabase>(database)
{
    protected override Task SeedAsync() => Database.SeedAsync(new Seed().Site("HOU", "Houston").Patient("P1", "HOU").DemoUsers());

    [Fact]
    public async Task An_anonymous_page_request_is_redirected_to_sign_in()
    {
        var response = await Web.Anonymous().GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/Account/SignIn", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task The_sign_in_page_offers_a_surgeon_per_site_a_researcher_and_an_administrator()
    {
        var page = await Web.Anonymous().GetStringAsync("/Account/SignIn");

        Assert.Contains("surgeon.hou", page);
        Assert.Contains("researcher", page);
        Assert.Contains("admin", page);
    }

    [Fact]
    public async Task A_signed_in_user_sees_the_registry_and_security_headers()
    {
        var client = await SignedInAsync("surgeon.hou");

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("surgeon.hou", await response.Content.ReadAsStringAsync());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task A_sign_in_post_without_the_antiforgery_token_is_refused()
    {
        var response = await Web.Anonymous().PostAsync("/Account/SignIn",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "admin" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
