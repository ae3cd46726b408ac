using MvdRegistry.Core.Dictionary;
using MvdRegistry.IntegrationTests.Infrastructure;
using MvdRegistry.Reporting.Demo;
using static MvdRegistry.IntegrationTests.Infrastructure.TwoSites;

namespace MvdRegistry.IntegrationTests.Entry;

/// <summary>What a clinician reads on the forms: help written for them, labels in messages, one message per problem.</summary>
public abstract class ClinicalWordingTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    protected override Task SeedAsync() => TwoSites.SeedAsync(Database);

    [Fact]
    public async Task Every_form_shows_the_clinicians_help_and_none_of_the_dictionarys_notes_about_exports_import_or_warnings()
    {
        var client = await SignedInAsync(DemoUsers.SurgeonOf(Own));
        var pages = new[]
        {
            "/Cases/New", $"/Cases/{CaseId(Own)}/Edit", $"/Patients/{PatientId(Own)}/Edit", $"/Imaging/{ImagingId(Own)}/Edit",
            $"/FollowUps/{FollowupId(Own)}/Edit", $"/Complications/{ComplicationId(Own)}/Edit",
        };
        var text = string.Join("\n", await Task.WhenAll(pages.Select(async url => Page.Text(await client.GetStringAsync(url)))));

        foreach (var phrase in new[] { "Exported as", "exports carry", "HIPAA", "warn, do not reject", "on import", "de-identified", "pseudonym" })
            Assert.DoesNotContain(phrase, text, StringComparison.OrdinalIgnoreCase);
        // A note that says something clinical may be the help too ("Brainstem auditory evoked potentials").
        var help = string.Join("\n", DataDictionary.Instance.Variables.Select(v => v.Help));
        foreach (var note in DataDictionary.Instance.Variables.Select(v => v.Notes).Where(n => n.Length >= 10 && !help.Contains(n, StringComparison.Ordinal)))
            Assert.DoesNotContain(note, text);
        Assert.Contains("Tick every vessel found compressing the nerve, or 'No conflict found' alone.", text);
        Assert.Contains("I any deviation without treatment beyond simple drugs;", text);
        Assert.Contains("On or after the day of surgery; one visit per day for an operation.", text);
    }

    [Fact]
    public async Task A_value_out_of_range_gets_one_message_naming_no_variable()
    {
        var client = await SignedInAsync(DemoUsers.SurgeonOf(Own));
        var (_, form) = await OpenAsync(client, $"/FollowUps/{FollowupId(Own)}/Edit");

        var response = await PostAsync(client, $"/FollowUps/{FollowupId(Own)}/Edit", form.Set("hb_grade", "9").Set("visit_date", "2024-03-01"));

        var html = await Page.HtmlAsync(response);
        var field = Page.Field(html, "hb_grade");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(field, "class=\"field-error"));
        Assert.Contains("9 is above the maximum 6", Page.Text(field));
        // The summary links each label to its field: "<a ...>Visit date</a>: ..." reads "Visit date : ..." without the tags.
        Assert.Contains("Visit date : 2024-03-01 is before the date of surgery (2024-03-05)", Page.Text(html));
        var summary = Page.Text(html[html.IndexOf("entry-errors", StringComparison.Ordinal)..html.IndexOf("</ul>", html.IndexOf("entry-errors", StringComparison.Ordinal), StringComparison.Ordinal)]);
        Assert.DoesNotContain("is required", summary);
        Assert.DoesNotContain("hb_grade", summary);
        Assert.DoesNotContain("visit_date", summary);
        Assert.DoesNotContain("surgery_date", summary);
    }
}

public sealed class SqliteClinicalWordingTests(SqliteTestDatabase database) : ClinicalWordingTests<SqliteTestDatabase>(database);

public sealed class PostgresClinicalWordingTests(PostgresTestDatabase database) : ClinicalWordingTests<PostgresTestDatabase>(database);
