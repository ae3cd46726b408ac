using System.Net;
using System.Text.Json.Nodes;
using MvdRegistry.IntegrationTests.Api;
using MvdRegistry.IntegrationTests.Infrastructure;
using MvdRegistry.IntegrationTests.Lists;
using MvdRegistry.Reporting.Demo;

namespace MvdRegistry.IntegrationTests.Web;

/// <summary>A page number far past the last, or past what an int holds, answers cleanly on every paged list.</summary>
public abstract class HugePageTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    protected override async Task SeedAsync()
    {
        await using var db = Database.NewContext();
        await new Seed(DateOnly.FromDateTime(DateTime.UtcNow))
            .Case("C-HOU", "HOU", operatedDaysAgo: 100, surgeon: "HOU-S1")
            .DemoUsers()
            .SaveAsync(db);
    }

    [Theory]
    [InlineData("/Cases?p=2147483647")]
    [InlineData("/Cases?p=99999999999")]
    [InlineData("/Cases?p=-2147483648")]
    [InlineData("/FollowUps/Overdue?scope=all&p=2147483647")]
    [InlineData("/FollowUps/Overdue?scope=all&p=99999999999")]
    public async Task A_list_page_shows_its_last_page_for_a_page_past_the_end(string path)
    {
        var client = await SignedInAsync("surgeon.hou");

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["C-HOU"], ListPages.CaseIds(await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("/api/patients?page=2147483647&page_size=500")]
    [InlineData("/api/operations?page=2147483647&page_size=500")]
    [InlineData("/api/operations?page=4294968&page_size=500")]
    public async Task An_API_page_past_the_end_is_empty_and_counts_the_records(string path)
    {
        var client = await SignedInAsync("surgeon.hou");

        var page = await client.GetObjectAsync(path);

        Assert.Empty(page["items"]!.AsArray());
        Assert.Equal(1, (int?)page["total_count"]);
        Assert.Equal(int.Parse(path.Split("page=")[1].Split('&')[0]), (int?)page["page"]);
    }

    [Theory]
    [InlineData("/api/patients?page=99999999999")]
    [InlineData("/api/operations?page=99999999999")]
    [InlineData("/api/operations?page_size=99999999999")]
    public async Task An_API_page_number_beyond_a_whole_number_is_a_400_problem(string path)
    {
        var client = await SignedInAsync("surgeon.hou");

        var response = await client.GetAsync(path);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", body);
        Assert.Equal(400, (int?)JsonNode.Parse(body)!["status"]);
    }
}

public sealed class SqliteHugePageTests(SqliteTestDatabase database) : HugePageTests<SqliteTestDatabase>(database);

public sealed class PostgresHugePageTests(PostgresTestDatabase database) : HugePageTests<PostgresTestDatabase>(database);
