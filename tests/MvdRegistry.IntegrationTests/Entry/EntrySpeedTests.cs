using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.IntegrationTests.Infrastructure;

namespace MvdRegistry.IntegrationTests.Entry;

/// <summary>What makes a form quick to fill in: its Tab stops, the confirmation after a save, the next visit.</summary>
public abstract partial class EntrySpeedTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    protected override Task SeedAsync() => Database.SeedAsync(EntryCases.Seed());

    [Theory]
    [InlineData("/Cases/New")]
    [InlineData("/Cases/C1/Edit")]
    [InlineData("/Cases/C1/FollowUps/New")]
    [InlineData("/Cases/C1/Complications/New")]
    public async Task The_clear_buttons_of_radio_groups_are_out_of_the_tab_order_and_named_for_screen_readers(string url)
    {
        var client = await SignedInAsync("surgeon.hou");
        var (html, _) = await OpenAsync(client, url);

        var buttons = ClearButton().Matches(html).Select(m => m.Value).ToList();
        Assert.NotEmpty(buttons);
        Assert.All(buttons, b => Assert.Contains("tabindex=\"-1\"", b));
        Assert.All(buttons, b => Assert.Matches("aria-label=\"Clear [A-Z][^\"]+\"", b));
    }

    [Theory]
    [InlineData("/Cases/C1/FollowUps/New", "visit_date")]
    [InlineData("/FollowUps/F1/Edit", "visit_date")]
    [InlineData("/Cases/C1/Imaging/New", "imaging_date")]
    [InlineData("/Imaging/I1/Edit", "imaging_date")]
    [InlineData("/Cases/C1/Complications/New", "complication_type")]
    [InlineData("/Cases/C1/Edit", "indication")]
    public async Task The_first_tab_stop_of_a_form_is_its_first_clinical_field_not_a_key(string url, string first)
    {
        var client = await SignedInAsync("surgeon.hou");
        var (html, _) = await OpenAsync(client, url);

        Assert.Equal(first, TabStops(html)[0]);
    }

    [Fact]
    public async Task A_key_to_be_generated_on_a_new_operation_comes_after_its_clinical_fields_and_can_still_be_typed()
    {
        var client = await SignedInAsync("surgeon.hou");
        var (html, _) = await OpenAsync(client, "/Cases/New");

        var stops = TabStops(html);
        Assert.True(stops.IndexOf("case_id") > stops.IndexOf("indication"), string.Join(",", stops));
        Assert.True(stops.IndexOf("case_id") > stops.IndexOf("surgery_date"), string.Join(",", stops));
    }

    [Fact]
    public async Task A_saved_visit_is_confirmed_once_on_the_case_page_the_user_lands_on()
    {
        var client = await SignedInAsync("surgeon.hou");
        var (_, form) = await OpenAsync(client, "/Cases/C1/FollowUps/New");

        var response = await PostAsync(client, "/Cases/C1/FollowUps/New", form.Set("visit_date", "2025-04-10").Set("hfs_status", "resolved"));

        Page.AssertRedirect(response, "/Cases/C1");
        var landed = await client.GetStringAsync("/Cases/C1");
        Assert.Equal("Saved follow-up visit F000000001.", Status(landed));
        Assert.Null(Status(await client.GetStringAsync("/Cases/C1")));
    }

    [Theory]
    [InlineData("/FollowUps/F1/Edit", "hfs_status", "partial", "Saved follow-up visit F1.")]
    [InlineData("/Imaging/I1/Edit", "reader", "neuroradiologist", "Saved imaging study I1.")]
    [InlineData("/Cases/C1/Edit", "redo", "yes", "Saved operation C1.")]
    [InlineData("/Patients/P1/Edit?caseId=C1", "sex", "U", "Saved patient P1.")]
    public async Task An_edit_that_is_saved_is_confirmed_on_the_case_page(string url, string field, string value, string message)
    {
        var client = await SignedInAsync("surgeon.hou");
        var (_, form) = await OpenAsync(client, url);

        var response = await PostAsync(client, url, form.Set(field, value));

        Page.AssertRedirect(response, "/Cases/C1");
        Assert.Equal(message, Status(await client.GetStringAsync("/Cases/C1")));
    }

    [Fact]
    public async Task A_refused_save_says_nothing_was_saved_and_leaves_no_confirmation_behind()
    {
        var client = await SignedInAsync("surgeon.hou");
        var (_, form) = await OpenAsync(client, "/Cases/C1/FollowUps/New");

        var response = await PostAsync(client, "/Cases/C1/FollowUps/New", form.Set("visit_date", "2025-01-05").Set("hfs_status", "resolved"));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Null(Status(await Page.HtmlAsync(response)));
        Assert.Null(Status(await client.GetStringAsync("/Cases/C1")));
        await using var db = Db();
        Assert.Equal(1, await db.FollowUps.CountAsync());
    }

    [Theory]
    [InlineData("/Cases/C1/FollowUps/New", "F000000001")]
    [InlineData("/FollowUps/F1/Edit", "F1")]
    public async Task Save_and_add_the_next_visit_saves_then_opens_an_empty_visit_form_for_the_same_operation(string url, string key)
    {
        var client = await SignedInAsync("surgeon.hou");
        var (html, form) = await OpenAsync(client, url);
        Assert.Contains(">Save and add the next visit</button>", html);

        var response = await PostAsync(client, url, form.Set("visit_date", "2025-04-10").Set("hfs_status", "partial").Set("then", "next"));

        Page.AssertRedirect(response, "/Cases/C1/FollowUps/New");
        await using (var db = Db())
        {
            var visit = await db.FollowUps.SingleAsync(f => f.FollowupId == key);
            Assert.Equal((new DateOnly(2025, 4, 10), "partial"), (visit.VisitDate, visit.HfsStatus));
        }
        var (next, nextForm) = await OpenAsync(client, "/Cases/C1/FollowUps/New");
        Assert.Equal($"Saved follow-up visit {key}.", Status(next));
        Assert.Equal("", nextForm["visit_date"]);
        Assert.Contains("/Cases/C1\"", next);
    }

    [Fact]
    public async Task A_refused_save_and_next_stays_on_the_form_with_the_typed_values()
    {
        var client = await SignedInAsync("surgeon.hou");
        var (_, form) = await OpenAsync(client, "/Cases/C1/FollowUps/New");

        var response = await PostAsync(client, "/Cases/C1/FollowUps/New", form.Set("visit_date", "2025-01-05").Set("hfs_status", "partial").Set("then", "next"));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2025-01-05", HtmlForm.Parse(await Page.HtmlAsync(response))["visit_date"]);
        await using var db = Db();
        Assert.Equal(1, await db.FollowUps.CountAsync());
    }

    [Fact]
    public async Task Only_the_follow_up_form_offers_save_and_add_the_next_visit()
    {
        var client = await SignedInAsync("surgeon.hou");
        foreach (var url in new[] { "/Cases/C1/Complications/New", "/Cases/C1/Imaging/New", "/Cases/C1/Edit" })
            Assert.DoesNotContain("Save and add the next visit", (await OpenAsync(client, url)).Html);
    }

    [Theory]
    [InlineData("/FollowUps/F1/Edit", "visit_date", "day 30 after surgery")]
    [InlineData("/Imaging/I1/Edit", "imaging_date", "60 days before surgery")]
    [InlineData("/Cases/C1/Complications/New", "onset_date", "")]
    public async Task A_date_beneath_an_operation_carries_the_surgery_date_for_the_script_that_updates_its_day(string url, string field, string shown)
    {
        var client = await SignedInAsync("surgeon.hou");
        var (html, _) = await OpenAsync(client, url);

        var block = Page.Field(html, field);
        Assert.Contains($"data-post-op-day=\"d-{field}\" data-surgery-date=\"2025-01-10\"", block);
        Assert.Matches($"<span [^>]*id=\"d-{field}\" aria-live=\"polite\">{shown}</span>", block);
        Assert.Contains("/js/postopday.js", html);
    }

    [Fact]
    public async Task The_discharge_date_of_an_operation_is_measured_from_the_surgery_date_field_of_the_same_form()
    {
        var client = await SignedInAsync("surgeon.hou");
        var (html, _) = await OpenAsync(client, "/Cases/C1/Edit");

        Assert.Contains("data-post-op-day=\"d-discharge_date\" data-surgery-field=\"surgery_date\"", Page.Field(html, "discharge_date"));
        Assert.Contains("/js/postopday.js", html);
    }

    [Fact]
    public async Task The_timeline_names_each_visit_from_the_schedule_not_by_its_key()
    {
        var client = await SignedInAsync("surgeon.hou");
        // Surgery 2025-01-10; F1 (seeded) on day 30.
        foreach (var date in new[] { "2025-01-13", "2025-04-10", "2025-04-20", "2026-02-14" })
        {
            var (_, form) = await OpenAsync(client, "/Cases/C1/FollowUps/New");
            Page.AssertRedirect(await PostAsync(client, "/Cases/C1/FollowUps/New", form.Set("visit_date", date).Set("hfs_status", "resolved")), "/Cases/C1");
        }

        var html = await client.GetStringAsync("/Cases/C1");

        var timeline = html[html.IndexOf("id=\"followups\"", StringComparison.Ordinal)..html.IndexOf("id=\"complications\"", StringComparison.Ordinal)];
        var rows = TimelineRow().Matches(timeline).Select(m => Page.Text(m.Groups[1].Value)).ToList();
        Assert.Equal(5, rows.Count);
        Assert.StartsWith("Early visit F000000001 2025-01-13 day 3 after surgery", rows[0]);
        Assert.StartsWith("1-month visit F1 2025-02-09 day 30 after surgery", rows[1]);
        Assert.StartsWith("3-month visit F000000002 2025-04-10 day 90 after surgery", rows[2]);
        Assert.StartsWith("Additional visit F000000003 2025-04-20 day 100 after surgery", rows[3]);
        Assert.StartsWith("1-year visit F000000004 2026-02-14 day 400 after surgery", rows[4]);
        Assert.Contains("next: the 2-year visit, due around 2027-01-10 (day 730)", Page.Text(html));
    }

    [GeneratedRegex("<tr>\\s*<td>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex TimelineRow();

    /// <summary>The text of the page's role="status" message, or null.</summary>
    private static string? Status(string html) =>
        StatusMessage().Match(html) is { Success: true } m ? Page.Text(m.Groups[1].Value) : null;

    [GeneratedRegex("role=\"status\"[^>]*>(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex StatusMessage();

    /// <summary>The names of the entry form's fields in the order Tab reaches them: no hidden input, none with tabindex -1.</summary>
    private static List<string> TabStops(string html)
    {
        var body = html[html.IndexOf("data-entry", StringComparison.Ordinal)..];
        return Focusable().Matches(body).Select(m => m.Value)
            .Where(tag => !tag.Contains("type=\"hidden\"") && !tag.Contains("tabindex=\"-1\"") && !tag.Contains(" disabled"))
            .Select(tag => Name().Match(tag) is { Success: true } n ? n.Groups[1].Value : tag)
            .ToList();
    }

    [GeneratedRegex("<(input|select|textarea|button)\\b[^>]*>")]
    private static partial Regex Focusable();

    [GeneratedRegex("name=\"([^\"]+)\"")]
    private static partial Regex Name();

    [GeneratedRegex("<button[^>]*field-clear[^>]*>")]
    private static partial Regex ClearButton();
}

public sealed class SqliteEntrySpeedTests(SqliteTestDatabase database) : EntrySpeedTests<SqliteTestDatabase>(database);

public sealed class PostgresEntrySpeedTests(PostgresTestDatabase database) : EntrySpeedTests<PostgresTestDatabase>(database);
