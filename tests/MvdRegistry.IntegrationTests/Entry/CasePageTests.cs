using System.Net;
using MvdRegistry.IntegrationTests.Infrastructure;

namespace MvdRegistry.IntegrationTests.Entry;

public abstract class CasePageTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    protected override Task SeedAsync() => Database.SeedAsync(EntryCases.Seed());

    [Fact]
    public async Task The_case_page_shows_the_operation_its_timeline_and_links_to_every_form()
    {
        var client = await SignedInAsync("surgeon.hou");

        var html = await client.GetStringAsync("/Cases/C1");

        var text = Page.Text(html);
        Assert.Contains("Operation C1", text);
        Assert.Contains("Medical record number HOU0000001", text);
        Assert.Contains("Cohen-Albert spasm intensity before surgery 3", text);
        Assert.Contains("Discharge date 2025-01-13 day 3 after surgery", text);
        Assert.Contains("F1 2025-02-09 day 30 after surgery", text);
        foreach (var link in new[] { "/Cases/C1/Edit", "/Patients/P1/Edit", "/Cases/C1/Imaging/New", "/Cases/C1/FollowUps/New", "/Cases/C1/Complications/New", "/FollowUps/F1/Edit" })
            Assert.Contains($"href=\"{link}", html);
    }

    [Fact]
    public async Task The_case_page_lists_the_history_with_who_when_field_old_new_and_reason()
    {
        var client = await SignedInAsync("surgeon.hou");
        var (_, form) = await OpenAsync(client, "/FollowUps/F1/Edit");
        Page.AssertRedirect(await PostAsync(client, "/FollowUps/F1/Edit", form.Set("hb_grade", "2").Set("change_reason", "Late letter from the ENT clinic")), "/Cases/C1");

        var html = await client.GetStringAsync("/Cases/C1");

        var history = Page.Text(html[html.IndexOf("id=\"history\"", StringComparison.Ordinal)..]);
        Assert.Matches(@"\d{4}-\d{2}-\d{2} \d{2}:\d{2} surgeon.hou Follow-up visit F1 House-Brackmann grade 2 Late letter from the ENT clinic", history);
        Assert.Contains("test Operation C1 created with", history);
        Assert.Contains("test Patient P1 created with", history);
    }

    [Fact]
    public async Task An_administrator_of_the_site_reads_the_case_page_without_edit_links()
    {
        var client = await SignedInAsync("admin");

        var response = await client.GetAsync("/Cases/C1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Operation C1", html);
        Assert.DoesNotContain("/Cases/C1/Edit", html);
    }
}

public sealed class SqliteCasePageTests(SqliteTestDatabase database) : CasePageTests<SqliteTestDatabase>(database);

public sealed class PostgresCasePageTests(PostgresTestDatabase database) : CasePageTests<PostgresTestDatabase>(database);
