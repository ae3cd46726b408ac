using System.Net;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.IntegrationTests.Infrastructure;

namespace MvdRegistry.IntegrationTests.Entry;

public abstract class AccessTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    protected override Task SeedAsync() => Database.SeedAsync(EntryCases.Seed());

    [Theory]
    [InlineData("/Cases/C1")]
    [InlineData("/Cases/C1/Edit")]
    [InlineData("/Patients/P1/Edit")]
    [InlineData("/Cases/C1/FollowUps/New")]
    [InlineData("/FollowUps/F1/Edit")]
    [InlineData("/Cases/C1/Imaging/New")]
    [InlineData("/Cases/C1/Complications/New")]
    public async Task A_surgeon_of_another_site_gets_404_for_a_record_of_this_site(string url)
    {
        var client = await SignedInAsync("surgeon.bcn");

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_surgeon_of_another_site_who_changes_the_id_in_an_edit_post_gets_404_and_changes_nothing()
    {
        var client = await SignedInAsync("surgeon.bcn");
        var (_, form) = await OpenAsync(client, "/Cases/C2/Edit");
        form.Set("duration_min", "99");

        var operation = await PostAsync(client, "/Cases/C1/Edit", form);
        var visit = await PostAsync(client, "/Cases/C1/FollowUps/New", form);
        var patient = await PostAsync(client, "/Patients/P1/Edit", form);

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound], new[] { operation.StatusCode, visit.StatusCode, patient.StatusCode });
        await using var db = Db();
        Assert.Equal(150, (await db.Operations.SingleAsync(o => o.CaseId == "C1")).DurationMin);
        Assert.Equal(1, await db.FollowUps.CountAsync());
    }

    [Theory]
    [InlineData("/Cases/C1")]
    [InlineData("/Cases/New")]
    [InlineData("/Cases/C1/Edit")]
    [InlineData("/FollowUps/F1/Edit")]
    public async Task A_researcher_is_sent_to_the_denied_page(string url)
    {
        var client = await SignedInAsync("researcher");

        var response = await client.GetAsync(url);

        Page.AssertRedirect(response, "/Account/Denied");
    }

    [Fact]
    public async Task A_researcher_posting_a_new_operation_is_denied_and_nothing_is_saved()
    {
        var client = await SignedInAsync("researcher");
        var home = await client.GetStringAsync("/");

        var response = await client.PostAsync("/Cases/New", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = RegistryWebFactory.AntiforgeryToken(home),
            ["patient_choice"] = "existing", ["patient_id"] = "P1", ["indication"] = "HFS",
        }));

        Page.AssertRedirect(response, "/Account/Denied");
        await using var db = Db();
        Assert.Equal(2, await db.Operations.CountAsync());
    }

    [Fact]
    public async Task An_administrator_without_the_surgeon_role_may_not_edit()
    {
        var client = await SignedInAsync("admin");

        var response = await client.GetAsync("/Cases/C1/Edit");

        Page.AssertRedirect(response, "/Account/Denied");
    }
}

public sealed class SqliteAccessTests(SqliteTestDatabase database) : AccessTests<SqliteTestDatabase>(database);

public sealed class PostgresAccessTests(PostgresTestDatabase database) : AccessTests<PostgresTestDatabase>(database);
