using System.Net;
using MvdRegistry.Core.Model;
using MvdRegistry.IntegrationTests.Api;
using MvdRegistry.IntegrationTests.Entry;
using MvdRegistry.IntegrationTests.Infrastructure;
using MvdRegistry.Reporting.Demo;
using static MvdRegistry.IntegrationTests.Infrastructure.TwoSites;

namespace MvdRegistry.IntegrationTests.Deleting;

/// <summary>The Delete card of the edit pages: a reason and a confirmation, the history after, and every refusal deleting nothing.</summary>
public abstract class DeletePageTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private const string Reason = "Visit entered on the wrong operation";

    protected override Task SeedAsync() => TwoSites.SeedAsync(Database);

    private Task<HttpClient> Surgeon() => SignedInAsync(DemoUsers.SurgeonOf(Own));

    /// <summary>Posts the Delete card of the page <paramref name="html"/> was read from, as a browser would.</summary>
    private static Task<HttpResponseMessage> PostDeleteAsync(HttpClient client, string url, string html, string? reason, bool confirm, int? version = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = RegistryWebFactory.AntiforgeryToken(html),
            ["row_version"] = (version ?? 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["delete_reason"] = reason ?? "",
        };
        if (confirm) fields["delete_confirm"] = "yes";
        return client.PostAsync(url + "?handler=Delete", new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task A_surgeon_deletes_a_visit_from_its_edit_page_and_the_case_history_shows_the_deletion_with_its_values_and_reason()
    {
        var client = await Surgeon();
        var (html, _) = await OpenAsync(client, $"/FollowUps/{FollowupId(Own)}/Edit");
        Assert.Contains("Delete follow-up visit F-HOU", Page.Text(html));

        var response = await PostDeleteAsync(client, $"/FollowUps/{FollowupId(Own)}/Edit", html, Reason, confirm: true);

        Page.AssertRedirect(response, $"/Cases/{CaseId(Own)}");
        var casePage = await client.GetStringAsync($"/Cases/{CaseId(Own)}");
        Assert.Contains("Deleted follow-up visit F-HOU: its values and your reason are in the history below.", Page.Text(casePage));
        Assert.DoesNotContain($"/FollowUps/{FollowupId(Own)}/Edit", casePage);
        var history = Page.Text(casePage[casePage.IndexOf("id=\"history\"", StringComparison.Ordinal)..]);
        Assert.Matches(@"\d{4}-\d{2}-\d{2} \d{2}:\d{2} surgeon.hou Follow-up visit F-HOU deleted; it held 5 values .*Visit date: 2024-04-05.* " + Reason, history);
        Assert.Contains("seed Follow-up visit F-HOU created with 5 values", history);
        var row = Assert.Single(await Database.DeleteRowsAsync());
        Assert.Equal(("followup", "F-HOU", Reason), (row.Entity, row.Key, row.Reason));
        Assert.Null(await Database.FindAsync<FollowUp>(FollowupId(Own)));
    }

    [Theory]
    [InlineData(false, Reason, "Tick \"Yes, delete follow-up visit F-HOU\" to confirm: nothing was deleted.")]
    [InlineData(true, "", "The reason is required: say why follow-up visit F-HOU is deleted. It is kept in the audit trail with every deleted value.")]
    public async Task Without_the_confirmation_or_the_reason_the_page_says_so_and_nothing_is_deleted(bool confirm, string reason, string message)
    {
        var client = await Surgeon();
        var (html, _) = await OpenAsync(client, $"/FollowUps/{FollowupId(Own)}/Edit");
        var before = await Database.CountRowsAsync();

        var response = await PostDeleteAsync(client, $"/FollowUps/{FollowupId(Own)}/Edit", html, reason, confirm);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Page.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("Not deleted: follow-up visit F-HOU is still in the registry. " + message, text);
        Assert.Equal(before, await Database.CountRowsAsync());
        Assert.Empty(await Database.DeleteRowsAsync());
    }

    [Fact]
    public async Task An_over_long_reason_is_refused_keeping_what_was_typed_and_nothing_is_deleted()
    {
        var client = await Surgeon();
        var (html, _) = await OpenAsync(client, $"/Imaging/{ImagingId(Own)}/Edit");
        var before = await Database.CountRowsAsync();

        var response = await PostDeleteAsync(client, $"/Imaging/{ImagingId(Own)}/Edit", html, new string('x', 1001), confirm: true);

        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("The reason is 1001 characters long: at most 1000 are kept in the audit trail.", Page.Text(page));
        Assert.Contains(new string('x', 1001) + "</textarea>", page);
        Assert.Equal(before, await Database.CountRowsAsync());
        Assert.Empty(await Database.DeleteRowsAsync());
    }

    [Fact]
    public async Task An_operation_with_records_beneath_it_names_them_offers_no_delete_and_a_post_anyway_deletes_nothing()
    {
        var client = await Surgeon();
        var (html, _) = await OpenAsync(client, $"/Cases/{CaseId(Own)}/Edit");
        var before = await Database.CountRowsAsync();
        const string beneath = "Operation C-HOU cannot be deleted: it has records beneath it (imaging study I-HOU; follow-up visit F-HOU; complication X-HOU). " +
            "Delete each of them first, with its reason, then the operation.";

        var response = await PostDeleteAsync(client, $"/Cases/{CaseId(Own)}/Edit", html, "wrong patient", confirm: true);

        Assert.Contains(beneath, Page.Text(html));
        Assert.DoesNotContain("delete_reason", html);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Not deleted: operation C-HOU is still in the registry. " + beneath, Page.Text(await response.Content.ReadAsStringAsync()));
        Assert.Equal(before, await Database.CountRowsAsync());
        Assert.Empty(await Database.DeleteRowsAsync());
    }

    [Fact]
    public async Task A_patient_page_names_their_operations_and_offers_no_delete()
    {
        var client = await Surgeon();

        var (html, _) = await OpenAsync(client, $"/Patients/{PatientId(Own)}/Edit");

        Assert.Contains("Patient P-HOU cannot be deleted: they have 1 operation (C-HOU). Delete the operations first, then the patient.", Page.Text(html));
        Assert.DoesNotContain("delete_reason", html);
    }

    [Fact]
    public async Task Once_its_records_are_deleted_the_operation_and_then_the_patient_are_deleted_from_their_pages()
    {
        var client = await Surgeon();
        foreach (var url in new[] { $"/Imaging/{ImagingId(Own)}/Edit", $"/FollowUps/{FollowupId(Own)}/Edit", $"/Complications/{ComplicationId(Own)}/Edit" })
        {
            var (page, _) = await OpenAsync(client, url);
            Page.AssertRedirect(await PostDeleteAsync(client, url, page, "duplicate entry", confirm: true), $"/Cases/{CaseId(Own)}");
        }

        var (operationPage, _) = await OpenAsync(client, $"/Cases/{CaseId(Own)}/Edit");
        var operation = await PostDeleteAsync(client, $"/Cases/{CaseId(Own)}/Edit", operationPage, "operated elsewhere", confirm: true);
        var (patientPage, _) = await OpenAsync(client, $"/Patients/{PatientId(Own)}/Edit");
        var patient = await PostDeleteAsync(client, $"/Patients/{PatientId(Own)}/Edit", patientPage, "not our patient", confirm: true);

        Page.AssertRedirect(operation, $"/Patients/{PatientId(Own)}/Edit");
        Assert.Contains("Deleted operation C-HOU: its values and your reason are kept in the audit trail.", Page.Text(patientPage));
        Assert.Contains("Operations: none", Page.Text(patientPage));
        Page.AssertRedirect(patient, "/Cases");
        Assert.Equal(["imaging", "followup", "complication", "case", "patient"], (await Database.DeleteRowsAsync()).Select(r => r.Entity));
        Assert.Null(await Database.FindAsync<Patient>(PatientId(Own)));
    }

    [Fact]
    public async Task A_delete_from_a_page_opened_before_someone_elses_change_is_refused_and_shows_the_record_as_it_is_now()
    {
        var client = await Surgeon();
        var (html, _) = await OpenAsync(client, $"/FollowUps/{FollowupId(Own)}/Edit");
        var visit = await client.GetForEditAsync($"/api/operations/{CaseId(Own)}/followups/{FollowupId(Own)}");
        visit["hfs_status"] = "near_complete";
        Assert.Equal(HttpStatusCode.OK, (await client.PutJsonAsync($"/api/operations/{CaseId(Own)}/followups/{FollowupId(Own)}", visit)).StatusCode);
        var before = await Database.CountRowsAsync();

        var response = await PostDeleteAsync(client, $"/FollowUps/{FollowupId(Own)}/Edit", html, Reason, confirm: true, version: 1);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Someone else changed follow-up visit F-HOU after you opened it (hfs_status, by surgeon.hou): nothing was deleted.", Page.Text(page));
        Assert.Contains("name=\"row_version\" value=\"2\"", page);
        Assert.Equal(before, await Database.CountRowsAsync());
        Assert.Empty(await Database.DeleteRowsAsync());
    }

    [Theory]
    [InlineData("surgeon.hou", "/FollowUps/F-BCN/Edit", "404")]
    [InlineData("researcher", "/FollowUps/F-HOU/Edit", "denied")]
    [InlineData("admin", "/FollowUps/F-HOU/Edit", "denied")]
    public async Task Another_sites_record_or_a_role_that_does_not_enter_data_deletes_nothing(string user, string url, string outcome)
    {
        var client = await SignedInAsync(user);
        var token = await client.GetStringAsync("/Account/SignIn");
        var before = await Database.CountRowsAsync();

        var response = await PostDeleteAsync(client, url, token, Reason, confirm: true);

        if (outcome == "404") Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        else Assert.StartsWith("/Account/Denied", new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath);
        Assert.Equal(before, await Database.CountRowsAsync());
        Assert.Empty(await Database.DeleteRowsAsync());
    }
}

public sealed class SqliteDeletePageTests(SqliteTestDatabase database) : DeletePageTests<SqliteTestDatabase>(database);

public sealed class PostgresDeletePageTests(PostgresTestDatabase database) : DeletePageTests<PostgresTestDatabase>(database);
