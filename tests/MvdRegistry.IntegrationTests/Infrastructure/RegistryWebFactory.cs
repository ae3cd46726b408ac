using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MvdRegistry.Data;

namespace MvdRegistry.IntegrationTests.Infrastructure;

/// <summary>
/// The real web host (Development environment, local sign-in) on a test database. Clients sign in
/// through the sign-in page itself, antiforgery token and cookie included, as a browser does.
/// </summary>
public sealed partial class RegistryWebFactory(TestDatabase database) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder
        .UseEnvironment("Development")
        .UseSetting("Database:Provider", database.Provider.ToString())
        .UseSetting("ConnectionStrings:Registry", database.ConnectionString)
        .UseSetting("Authentication:Mode", "Local")
        .UseSetting("Registry:DemoPatients", "0")
        // Dozens of hosts start in one test run on 2 cores: the jobs tests run their own servers.
        .UseSetting("Jobs:RunServer", "false");

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = Anonymous();
        var signIn = await client.GetAsync("/Account/SignIn");
        var page = await signIn.Content.ReadAsStringAsync();
        if (!signIn.IsSuccessStatusCode)
            throw new InvalidOperationException($"the sign-in page answered {(int)signIn.StatusCode}: {page[..Math.Min(page.Length, 3000)]}");
        var response = await client.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["__RequestVerificationToken"] = AntiforgeryToken(page),
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"signing in as {userName} failed: {(int)response.StatusCode}");
        return client;
    }

    /// <summary>The antiforgery token of the first form on a page.</summary>
    public static string AntiforgeryToken(string html) =>
        Token().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no antiforgery token on the page");

    public RegistryDbContext NewContext() => database.NewContext();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
