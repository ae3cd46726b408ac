using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Model;
using MvdRegistry.IntegrationTests.Infrastructure;
using static MvdRegistry.IntegrationTests.Infrastructure.TwoSites;

namespace MvdRegistry.IntegrationTests.Api;

public abstract class ChildRecordsApiTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private static readonly string OwnCase = $"/api/operations/{CaseId(Own)}";
    protected override Task SeedAsync() => TwoSites.SeedAsync(Database);

    private Task<HttpClient> Surgeon() => Web.SignedInAsync("surgeon.hou");

    [Fact]
    public async Task A_surgeon_adds_a_follow_up_visit_and_then_corrects_it()
    {
        var client = await Surgeon();

        var created = await client.PostJsonAsync($"{OwnCase}/followups", new JsonObject
        {
            ["followup_id"] = "F-NEW", ["visit_date"] = "2024-06-05", ["contact_mode"] = "phone", ["hfs_status"] = "near_complete",
        });
        var visit = await client.GetForEditAsync($"{OwnCase}/followups/F-NEW");
        visit["hfs_status"] = "resolved";
        var updated = await client.PutJsonAsync($"{OwnCase}/followups/F-NEW", visit);
        var all = JsonNode.Parse(await client.GetStringAsync($"{OwnCase}/followups"))!.AsArray();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"{OwnCase}/followups/F-NEW", created.Headers.Location!.ToString());
        Assert.Equal(CaseId(Own), (string?)visit["case_id"]);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var saved = await updated.ReadObjectAsync();
        Assert.Equal(("resolved", 2), ((string?)saved["hfs_status"], (int?)saved["version"]));
        Assert.Equal([FollowupId(Own), "F-NEW"], all.Select(v => (string?)v!["followup_id"]));
    }

    [Fact]
    public async Task A_visit_before_the_surgery_or_on_the_date_of_another_visit_is_refused_naming_visit_date()
    {
        var client = await Surgeon();

        var early = await (await client.PostJsonAsync($"{OwnCase}/followups", Visit("F-EARLY", "2024-03-01"))).ReadObjectAsync();
        var twin = await (await client.PostJsonAsync($"{OwnCase}/followups", Visit("F-TWIN", "2024-04-05"))).ReadObjectAsync();

        Assert.Contains("is before the date of surgery", early.Messages("visit_date").Single());
        Assert.Contains($"already has visit {FollowupId(Own)} on 2024-04-05", twin.Messages("visit_date").Single());
        await using var db = Database.NewContext();
        Assert.Equal(2, await db.FollowUps.CountAsync());
    }

    [Fact]
    public async Task A_change_that_would_make_a_linked_record_invalid_is_refused_naming_that_record()
    {
        var client = await Surgeon();
        var operation = await client.GetForEditAsync(OwnCase);
        operation["surgery_date"] = "2024-04-10";
        operation["discharge_date"] = "2024-04-12";

        var problem = await (await client.PutJsonAsync(OwnCase, operation)).ReadObjectAsync();

        Assert.Equal(400, (int?)problem["status"]);
        Assert.Contains("2024-04-05 is before the date of surgery (2024-04-10)", problem.Messages($"followup/{FollowupId(Own)}/visit_date").Single());
        Assert.Contains("before the date of surgery (2024-04-10)", problem.Messages($"complication/{ComplicationId(Own)}/onset_date").Single());
    }

    [Fact]
    public async Task A_death_cannot_be_recorded_before_a_visit_that_followed_it()
    {
        var client = await Surgeon();

        var problem = await (await client.PostJsonAsync($"{OwnCase}/complications", new JsonObject
        {
            ["complication_id"] = "X-DEATH", ["complication_type"] = "death", ["onset_date"] = "2024-03-20",
            ["clavien_dindo"] = "V", ["resolved"] = "no",
        })).ReadObjectAsync();

        Assert.Contains("is after the death recorded on 2024-03-20", problem.Messages($"followup/{FollowupId(Own)}/visit_date").Single());
    }

    [Fact]
    public async Task An_imaging_study_that_did_not_exclude_a_tumour_is_saved_once_the_warning_is_confirmed()
    {
        var client = await Surgeon();
        var study = new JsonObject
        {
            ["imaging_id"] = "I-NEW", ["imaging_date"] = "2024-02-20", ["modality"] = "MRI", ["mri_sequence"] = new JsonArray("T2_3D"),
            ["nvc_detected"] = "uncertain", ["tumor_excluded"] = "no",
        };

        var unconfirmed = await client.PostJsonAsync($"{OwnCase}/imaging", study);
        study["confirm_warnings"] = true;
        var confirmed = await client.PostJsonAsync($"{OwnCase}/imaging", study);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, unconfirmed.StatusCode);
        Assert.Contains("tumour or other lesion was not excluded", (await unconfirmed.ReadObjectAsync()).Messages("tumor_excluded", "warnings").Single());
        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
        Assert.Equal(["T2_3D"], (await confirmed.ReadObjectAsync())["mri_sequence"]!.AsArray().Select(v => (string?)v));
    }

    [Fact]
    public async Task A_complication_resolved_before_its_onset_is_refused_naming_resolution_date()
    {
        var client = await Surgeon();
        var complication = await client.GetForEditAsync($"{OwnCase}/complications/{ComplicationId(Own)}");
        complication["resolution_date"] = "2024-03-01";

        var problem = await (await client.PutJsonAsync($"{OwnCase}/complications/{ComplicationId(Own)}", complication)).ReadObjectAsync();

        Assert.Contains("is before the onset", problem.Messages("resolution_date").Single());
    }

    [Fact]
    public async Task A_record_beneath_another_sites_operation_or_beneath_another_operation_is_not_found()
    {
        var client = await Surgeon();

        var otherSite = await client.GetAsync($"/api/operations/{CaseId(Other)}/followups/{FollowupId(Other)}");
        var otherList = await client.GetAsync($"/api/operations/{CaseId(Other)}/complications");
        var wrongParent = await client.GetAsync($"{OwnCase}/followups/{FollowupId(Other)}");
        var created = await client.PostJsonAsync($"/api/operations/{CaseId(Other)}/followups", Visit("F-NEW", "2024-06-01"));

        Assert.All([otherSite, otherList, wrongParent, created], r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        await using var db = Database.NewContext();
        Assert.Equal(2, await db.FollowUps.CountAsync());
    }

    [Fact]
    public async Task Visits_posted_at_once_are_all_stored_each_with_its_insert_audit_row()
    {
        var client = await Surgeon();
        var visits = Enumerable.Range(0, 12).Select(i => Visit($"F-AT-ONCE-{i:00}", DateOnly.Parse(SurgeryDate).AddDays(100 + i).ToString("yyyy-MM-dd"))).ToList();

        var responses = await Task.WhenAll(visits.Select(v => client.PostJsonAsync($"{OwnCase}/followups", v)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        await using var db = Database.NewContext();
        var stored = await db.FollowUps.Where(f => f.FollowupId.StartsWith("F-AT-ONCE-")).Select(f => f.FollowupId).OrderBy(k => k).ToListAsync();
        var audited = await db.AuditLog.Where(a => a.Key.StartsWith("F-AT-ONCE-") && a.Action == AuditAction.Insert)
            .Select(a => a.Key).OrderBy(k => k).ToListAsync();
        var expected = Enumerable.Range(0, 12).Select(i => $"F-AT-ONCE-{i:00}").ToList();
        Assert.Equal(expected, stored);
        Assert.Equal(expected, audited);
    }

    private static JsonObject Visit(string id, string date) => new() { ["followup_id"] = id, ["visit_date"] = date, ["hfs_status"] = "resolved" };
}

public sealed class SqliteChildRecordsApiTests(SqliteTestDatabase database) : ChildRecordsApiTests<SqliteTestDatabase>(database);

public sealed class PostgresChildRecordsApiTests(PostgresTestDatabase database) : ChildRecordsApiTests<PostgresTestDatabase>(database);
