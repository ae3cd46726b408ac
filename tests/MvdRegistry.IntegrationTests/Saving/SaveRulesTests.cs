using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Model;
using MvdRegistry.IntegrationTests.Api;
using MvdRegistry.IntegrationTests.Entry;
using MvdRegistry.IntegrationTests.Infrastructure;

namespace MvdRegistry.IntegrationTests.Saving;

/// <summary>
/// The rules the one save handler enforces for every caller, shown on a page and on the API alike
/// (records of <see cref="EntryCases"/>: C1 and P1 at HOU, C2 and P2 at BCN; surgeon.hou enters for HOU).
/// </summary>
public abstract class SaveRulesTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    protected override Task SeedAsync() => Database.SeedAsync(EntryCases.Seed());

    private static readonly string Long = new('x', 1001);
    private static readonly string FiveMegabytes = new('x', 5 * 1024 * 1024);

    [Fact]
    public async Task A_reason_over_1000_characters_is_refused_by_the_api_in_the_body_and_in_the_header_and_nothing_is_written()
    {
        var client = await SignedInAsync("surgeon.hou");
        var operation = await client.GetForEditAsync("/api/operations/C1");
        operation["duration_min"] = 175;

        var inBody = await client.PutJsonAsync("/api/operations/C1", With(operation, "reason", Long));
        var huge = await client.PutJsonAsync("/api/operations/C1", With(operation, "reason", FiveMegabytes));
        var inHeader = await client.PutJsonAsync("/api/operations/C1", operation, reason: Long);
        var onCreate = await client.PostJsonAsync("/api/operations/C1/followups", new JsonObject
        {
            ["followup_id"] = "F2", ["visit_date"] = "2025-06-01", ["contact_mode"] = "clinic", ["hfs_status"] = "resolved",
        }, reason: Long);

        foreach (var (response, length) in new[] { (inBody, 1001), (huge, FiveMegabytes.Length), (inHeader, 1001), (onCreate, 1001) })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal($"is {length} characters long: at most 1000 are kept in the audit trail", (await response.ReadObjectAsync()).Messages("reason").Single());
        }
        var headerBesideBody = await client.PutJsonAsync("/api/operations/C1", With(operation, "reason", "typo"), reason: Long);
        Assert.Equal(HttpStatusCode.BadRequest, headerBesideBody.StatusCode);
        Assert.Equal("the X-Change-Reason header is 1001 characters long: at most 1000 are kept in the audit trail",
            (await headerBesideBody.ReadObjectAsync()).Messages("reason").Single());
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task A_reason_over_1000_characters_is_refused_on_a_page_and_nothing_is_written()
    {
        var client = await SignedInAsync("surgeon.hou");
        var (_, form) = await OpenAsync(client, "/Cases/C1/Edit");

        var response = await PostAsync(client, "/Cases/C1/Edit", form.Set("duration_min", "175").Set("change_reason", Long));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The reason is 1001 characters long: at most 1000 are kept in the audit trail.", Page.Field(await Page.HtmlAsync(response), "change_reason"));
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task An_unknown_surgeon_code_and_another_sites_code_get_the_same_answer_on_the_api_and_nothing_is_written()
    {
        var client = await SignedInAsync("surgeon.hou");
        var operation = await client.GetForEditAsync("/api/operations/C1");

        var unknown = await client.PutJsonAsync("/api/operations/C1", With(operation, "surgeon_code", "ZZZ-S9"));
        var others = await client.PutJsonAsync("/api/operations/C1", With(operation, "surgeon_code", "BCN-S1"));

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, others.StatusCode);
        var unknownMessage = (await unknown.ReadObjectAsync()).Messages("surgeon_code").Single();
        var othersMessage = (await others.ReadObjectAsync()).Messages("surgeon_code").Single();
        Assert.Equal("ZZZ-S9 is not a surgeon of your sites: choose one from the list, or ask an administrator to add it", unknownMessage);
        Assert.Equal(unknownMessage.Replace("ZZZ-S9", "BCN-S1"), othersMessage);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task An_unknown_surgeon_code_and_another_sites_code_get_the_same_answer_on_a_page_and_no_surgeon_is_registered()
    {
        var client = await SignedInAsync("surgeon.hou");
        var (_, form) = await OpenAsync(client, "/Cases/C1/Edit");

        var unknown = Page.Field(await Page.HtmlAsync(await PostAsync(client, "/Cases/C1/Edit", form.Set("surgeon_code", "ZZZ-S9"))), "surgeon_code");
        var others = Page.Field(await Page.HtmlAsync(await PostAsync(client, "/Cases/C1/Edit", form.Set("surgeon_code", "BCN-S1"))), "surgeon_code");

        Assert.Contains("ZZZ-S9 is not a surgeon of your sites", unknown);
        Assert.Equal(unknown.Replace("ZZZ-S9", "BCN-S1"), others);
        await AssertNothingWrittenAsync();
        await using var db = Db();
        Assert.Equal(["BCN-S1", "HOU-S1"], await db.Surgeons.OrderBy(s => s.Code).Select(s => s.Code).ToListAsync());
    }

    [Fact]
    public async Task An_administrator_may_name_any_known_surgeon_but_not_an_unknown_one()
    {
        // Administrators read but do not enter records (site edits are the surgeons'): the rule is the
        // handler's, so it is shown through the surgeon choices offered to each.
        await using var db = Db();
        var admin = new Application.Users.JobUser("admin", "test", [Core.Access.Roles.Administrator], ["HOU", "BCN"], null);
        var surgeon = new Application.Users.JobUser("surgeon.hou", "test", [Core.Access.Roles.Surgeon], ["HOU"], "HOU-S1");

        Assert.True(await Application.Saving.SurgeonChoices.MayChooseAsync(db, admin, "BCN-S1"));
        Assert.False(await Application.Saving.SurgeonChoices.MayChooseAsync(db, admin, "ZZZ-S9"));
        Assert.False(await Application.Saving.SurgeonChoices.MayChooseAsync(db, surgeon, "BCN-S1"));
        Assert.True(await Application.Saving.SurgeonChoices.MayChooseAsync(db, surgeon, "HOU-S1"));
        Assert.Equal(["HOU-S1"], await Application.Saving.SurgeonChoices.ListAsync(db, surgeon));
    }

    [Fact]
    public async Task A_new_patient_with_an_MRN_already_in_the_site_is_refused_by_the_api_naming_the_existing_patient()
    {
        var client = await SignedInAsync("surgeon.hou");

        var twice = await client.PostJsonAsync("/api/patients", NewPatient("P-TWICE", "HOU0000001"));
        var otherSite = await client.PostJsonAsync("/api/patients", NewPatient("P-OTHER", "BCN0000002"));

        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Equal("HOU0000001 is already the MRN of patient P1 at site HOU: open that patient instead of entering them twice",
            (await twice.ReadObjectAsync()).Messages("mrn").Single());
        // Unique per site: another site's MRN numbering is its own.
        Assert.Equal(HttpStatusCode.Created, otherSite.StatusCode);
        await using var db = Db();
        Assert.Equal(["P-OTHER", "P1", "P2"], await db.Patients.OrderBy(p => p.PatientId).Select(p => p.PatientId).ToListAsync());
    }

    [Fact]
    public async Task Changing_a_patients_MRN_to_one_already_in_the_site_is_refused_on_the_api_and_on_the_page()
    {
        var client = await SignedInAsync("surgeon.hou");
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync("/api/patients", NewPatient("P3", "HOU0000003"))).StatusCode);
        var patient = await client.GetForEditAsync("/api/patients/P3");

        var api = await client.PutJsonAsync("/api/patients/P3", With(patient, "mrn", "HOU0000001"));
        var (_, form) = await OpenAsync(client, "/Patients/P3/Edit");
        var page = await PostAsync(client, "/Patients/P3/Edit", form.Set("mrn", "HOU0000001"));

        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("already the MRN of patient P1", (await api.ReadObjectAsync()).Messages("mrn").Single());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("already the MRN of patient P1", Page.Field(await Page.HtmlAsync(page), "mrn"));
        await using var db = Db();
        var stored = await db.Patients.SingleAsync(p => p.PatientId == "P3");
        Assert.Equal(("HOU0000003", 1), (stored.Mrn, stored.Version));
    }

    [Fact]
    public async Task The_location_of_a_created_record_holds_only_a_key_of_the_key_syntax()
    {
        var client = await SignedInAsync("surgeon.hou");

        var refused = await client.PostJsonAsync("/api/operations/C1/followups", Visit("F2é%"));
        var created = await client.PostJsonAsync("/api/operations/C1/followups", Visit("F-2.b_c"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Null(refused.Headers.Location);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        Assert.Equal("/api/operations/C1/followups/F-2.b_c", created.Headers.Location!.OriginalString);
        var read = await client.GetAsync(created.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        await using var db = Db();
        Assert.False(await db.FollowUps.AnyAsync(f => f.FollowupId.StartsWith("F2")));
    }

    private static JsonObject Visit(string id) => new()
    {
        ["followup_id"] = id, ["visit_date"] = "2025-06-01", ["contact_mode"] = "clinic", ["hfs_status"] = "resolved",
    };

    private static JsonObject NewPatient(string id, string mrn) => new()
    {
        ["patient_id"] = id, ["site_code"] = "HOU", ["mrn"] = mrn, ["birth_date"] = "1970-01-01", ["sex"] = "F", ["consent_status"] = "consented",
    };

    private static JsonObject With(JsonObject record, string name, string value)
    {
        var copy = (JsonObject)record.DeepClone();
        copy[name] = value;
        return copy;
    }

    /// <summary>C1 as seeded: no update, no new visit, no audit row beyond the seed's inserts.</summary>
    private async Task AssertNothingWrittenAsync()
    {
        await using var db = Db();
        var operation = await db.Operations.SingleAsync(o => o.CaseId == "C1");
        Assert.Equal(1, operation.Version);
        Assert.Equal("HOU-S1", operation.SurgeonCode);
        Assert.Equal(1, await db.FollowUps.CountAsync());
        Assert.Equal(0, await db.AuditLog.CountAsync(a => a.Action != AuditAction.Insert));
    }
}

public sealed class SqliteSaveRulesTests(SqliteTestDatabase database) : SaveRulesTests<SqliteTestDatabase>(database);

public sealed class PostgresSaveRulesTests(PostgresTestDatabase database) : SaveRulesTests<PostgresTestDatabase>(database);
