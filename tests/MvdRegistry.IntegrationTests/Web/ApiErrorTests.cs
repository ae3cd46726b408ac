using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MvdRegistry.IntegrationTests.Infrastructure;

namespace MvdRegistry.IntegrationTests.Web;

/// <summary>Every error of the API is RFC 7807 problem details without a stack trace, and a refused body writes nothing.</summary>
public abstract class ApiErrorTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    protected override Task SeedAsync() => Database.SeedAsync(new Seed().Site("HOU", "Houston").Patient("P1", "HOU").DemoUsers());

    private static HttpContent Json(byte[] body) => new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } };

    private static async Task<string> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"status\":{(int)status}", body);
        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain("Exception", body);
        return body;
    }

    public static TheoryData<string, string, byte[]> NotText => new()
    {
        { "POST", "/api/patients", [.. "{\"patient_id\":\"P2\",\"mrn\":\"M"u8, 0xFF, 0xFE, .. "\"}"u8] },
        { "POST", "/api/patients", Encoding.UTF8.GetBytes("{\"patient_id\":\"P2\",\"mrn\":\"\\ud800\"}") },
        { "PUT", "/api/patients/P1", [.. "{\"mrn\":\"M"u8, 0xC3, .. "\",\"version\":1}"u8] },
        { "PUT", "/api/patients/P1", Encoding.UTF8.GetBytes("{\"mrn\":\"\\udc00x\",\"version\":1}") },
        { "POST", "/api/patients", Encoding.UTF8.GetBytes("{\"\\ud800\":1}") },
    };

    [Theory]
    [MemberData(nameof(NotText))]
    public async Task A_body_that_is_not_UTF8_text_is_a_400_problem_and_writes_nothing(string method, string path, byte[] body)
    {
        var client = await SignedInAsync("surgeon.hou");
        var before = await Database.CountRowsAsync();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = Json(body) });

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("not valid UTF-8 text", problem);
        Assert.Equal(before, await Database.CountRowsAsync());
    }

    [Fact]
    public async Task A_body_over_the_servers_limit_is_a_413_problem_and_writes_nothing()
    {
        // Kestrel, the real server, enforces the request body limit (the in-memory test server has none).
        await using var web = new RegistryWebFactory(Database);
        web.UseKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = 16 * 1024;
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        web.StartServer();
        var address = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var client = await SignedInAsync(web.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(address) }), "surgeon.hou");
        var before = await Database.CountRowsAsync();
        var body = Encoding.UTF8.GetBytes($"{{\"patient_id\":\"P2\",\"mrn\":\"{new string('x', 64 * 1024)}\"}}");

        var response = await client.PostAsync("/api/patients", Json(body));

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await Database.CountRowsAsync());
    }

    [Fact]
    public async Task A_server_error_is_a_500_problem_without_a_stack_trace()
    {
        // Every access check fails (the sign-in page needs none).
        await using var web = Web.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<IAuthorizationHandler, BrokenAccessCheck>()));
        var client = await SignedInAsync(web.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), "surgeon.hou");

        var response = await client.GetAsync("/api/patients");

        var problem = await AssertProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.DoesNotContain("identity store", problem);
    }

    /// <summary>Signs in through the sign-in page, as <see cref="RegistryWebFactory.SignedInAsync"/> does, on a client of a derived host.</summary>
    private static async Task<HttpClient> SignedInAsync(HttpClient client, string userName)
    {
        var signIn = await client.GetStringAsync("/Account/SignIn");
        var response = await client.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["__RequestVerificationToken"] = RegistryWebFactory.AntiforgeryToken(signIn),
        }));
        // A redirect to the home page; the Kestrel client follows it.
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"signing in answered {(int)response.StatusCode}");
        return client;
    }

    private sealed class BrokenAccessCheck : IAuthorizationHandler
    {
        public Task HandleAsync(AuthorizationHandlerContext context) => throw new InvalidOperationException("the identity store is down");
    }

    [Fact]
    public async Task An_unknown_API_address_is_a_404_problem()
    {
        var client = await SignedInAsync("surgeon.hou");

        var response = await client.GetAsync("/api/no-such-thing");

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }
}

public sealed class SqliteApiErrorTests(SqliteTestDatabase database) : ApiErrorTests<SqliteTestDatabase>(database);

public sealed class PostgresApiErrorTests(PostgresTestDatabase database) : ApiErrorTests<PostgresTestDatabase>(database);
