using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Model;
using MvdRegistry.IntegrationTests.Api;
using MvdRegistry.IntegrationTests.Infrastructure;
using MvdRegistry.Reporting.Demo;
using static MvdRegistry.IntegrationTests.Infrastructure.TwoSites;

namespace MvdRegistry.IntegrationTests.Deleting;

/// <summary>
/// DELETE on the API: a record entered by mistake is deleted with a reason, its audit row keeping every
/// value; every refusal says why and deletes nothing.
/// </summary>
public abstract class DeleteApiTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private static readonly string OwnCase = $"/api/operations/{CaseId(Own)}";
    private const string Reason = "entered on the wrong operation";

    protected override Task SeedAsync() => TwoSites.SeedAsync(Database);

    private Task<HttpClient> Surgeon() => SignedInAsync(DemoUsers.SurgeonOf(Own));

    public static TheoryData<string, string, string, Dictionary<string, string>> Children => new()
    {
        {
            "imaging", "imaging", ImagingId(Own), new()
            {
                ["imaging_id"] = ImagingId(Own), ["case_id"] = CaseId(Own), ["imaging_date"] = "2024-02-01", ["modality"] = "MRI",
                ["mri_sequence"] = "T2_3D|TOF", ["nvc_detected"] = "yes", ["vessel_img"] = "AICA", ["tumor_excluded"] = "yes",
            }
        },
        {
            "followups", "followup", FollowupId(Own), new()
            {
                ["followup_id"] = FollowupId(Own), ["case_id"] = CaseId(Own), ["visit_date"] = "2024-04-05", ["contact_mode"] = "clinic",
                ["hfs_status"] = "resolved",
            }
        },
        {
            "complications", "complication", ComplicationId(Own), new()
            {
                ["complication_id"] = ComplicationId(Own), ["case_id"] = CaseId(Own), ["complication_type"] = "facial_palsy",
                ["onset_date"] = "2024-03-06", ["clavien_dindo"] = "I", ["hb_grade_worst"] = "3", ["resolved"] = "yes",
                ["resolution_date"] = "2024-05-01",
            }
        },
    };

    [Theory]
    [MemberData(nameof(Children))]
    public async Task A_surgeon_deletes_a_record_beneath_an_operation_and_its_audit_row_keeps_every_value_and_the_reason(
        string segment, string entity, string id, Dictionary<string, string> values)
    {
        var client = await Surgeon();

        var response = await client.DeleteAsync($"{OwnCase}/{segment}/{id}", version: 1, Reason);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{OwnCase}/{segment}/{id}")).StatusCode);
        var row = Assert.Single(await Database.DeleteRowsAsync());
        Assert.Equal((entity, id, "surgeon.hou", Reason), (row.Entity, row.Key, row.User, row.Reason));
        var kept = DeleteRequests.Values(row);
        // Beside its values, the record's created_at: the instant of its insert row, or of the import that wrote it.
        Assert.True(kept.Remove(Core.Records.ImportedValues.CreatedAtKey, out var createdAt));
        Assert.Equal(values, kept);
        await using var db = Database.NewContext();
        var insert = await db.AuditLog.SingleAsync(a => a.Action == Core.Model.AuditAction.Insert && a.Entity == entity && a.Key == id);
        Assert.Equal(Core.Records.ImportedValues.KeyOf(insert.At), createdAt);
    }

    [Fact]
    public async Task A_whole_case_entered_by_mistake_is_taken_apart_record_by_record_down_to_the_patient()
    {
        var client = await Surgeon();

        var children = new[]
        {
            await client.DeleteAsync($"{OwnCase}/imaging/{ImagingId(Own)}", 1, Reason),
            await client.DeleteAsync($"{OwnCase}/followups/{FollowupId(Own)}", 1, Reason),
            await client.DeleteAsync($"{OwnCase}/complications/{ComplicationId(Own)}", 1, Reason),
        };
        var operation = await client.DeleteAsync(OwnCase, 1, "patient operated at another hospital");
        var patient = await client.DeleteAsync($"/api/patients/{PatientId(Own)}", 1, "not our patient");

        Assert.All(children, r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
        Assert.Equal(HttpStatusCode.NoContent, operation.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, patient.StatusCode);
        var rows = await Database.DeleteRowsAsync();
        Assert.Equal(["imaging", "followup", "complication", "case", "patient"], rows.Select(r => r.Entity));
        Assert.Equal(("patient operated at another hospital", "C-HOU", "P-HOU", "2024-03-05", "HFS", "L"),
            (rows[3].Reason, DeleteRequests.Values(rows[3])["case_id"], DeleteRequests.Values(rows[3])["patient_id"],
             DeleteRequests.Values(rows[3])["surgery_date"], DeleteRequests.Values(rows[3])["indication"], DeleteRequests.Values(rows[3])["side"]));
        Assert.Equal(("not our patient", "HOU0000001", "1960-05-01", "HOU"),
            (rows[4].Reason, DeleteRequests.Values(rows[4])["mrn"], DeleteRequests.Values(rows[4])["birth_date"], DeleteRequests.Values(rows[4])["site_code"]));
        // Barcelona's patient and records are all that is left.
        var counts = await Database.CountRowsAsync();
        Assert.Equal((1, 1, 1, 1, 1), (counts["patients"], counts["operations"], counts["imaging"], counts["followups"], counts["complications"]));
        Assert.NotNull(await Database.FindAsync<Patient>(PatientId(Other)));
    }

    [Fact]
    public async Task An_operation_with_records_beneath_it_is_refused_naming_them_and_nothing_is_deleted()
    {
        var client = await Surgeon();
        var before = await Database.CountRowsAsync();

        var response = await client.DeleteAsync(OwnCase, 1, Reason);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadObjectAsync();
        Assert.Equal("Nothing was deleted: see errors.", (string?)problem["detail"]);
        Assert.Equal("Operation C-HOU cannot be deleted: it has records beneath it (imaging study I-HOU; follow-up visit F-HOU; complication X-HOU). " +
            "Delete each of them first, with its reason, then the operation.", problem.Messages("records").Single());
        await AssertNothingDeletedAsync(before);
    }

    [Fact]
    public async Task A_patient_with_an_operation_is_refused_naming_it_and_nothing_is_deleted()
    {
        var client = await Surgeon();
        var before = await Database.CountRowsAsync();

        var response = await client.DeleteAsync($"/api/patients/{PatientId(Own)}", 1, Reason);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Patient P-HOU cannot be deleted: they have 1 operation (C-HOU). Delete the operations first, then the patient.",
            (await response.ReadObjectAsync()).Messages("records").Single());
        await AssertNothingDeletedAsync(before);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task A_delete_without_a_reason_is_refused_and_nothing_is_deleted(string? reason)
    {
        var client = await Surgeon();
        var before = await Database.CountRowsAsync();

        var response = await client.DeleteAsync($"{OwnCase}/followups/{FollowupId(Own)}", 1, reason);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("The reason is required: say why follow-up visit F-HOU is deleted. It is kept in the audit trail with every deleted value.",
            (await response.ReadObjectAsync()).Messages("reason").Single());
        await AssertNothingDeletedAsync(before);
    }

    [Fact]
    public async Task A_reason_over_1000_characters_is_refused_and_nothing_is_deleted()
    {
        var client = await Surgeon();
        var before = await Database.CountRowsAsync();

        var response = await client.DeleteAsync($"{OwnCase}/complications/{ComplicationId(Own)}", 1, new string('r', 1001));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The reason is 1001 characters long: at most 1000 are kept in the audit trail.",
            (await response.ReadObjectAsync()).Messages("reason").Single());
        await AssertNothingDeletedAsync(before);
    }

    [Fact]
    public async Task A_reason_of_exactly_1000_characters_is_kept_whole()
    {
        var client = await Surgeon();
        var reason = new string('r', 1000);

        var response = await client.DeleteAsync($"{OwnCase}/complications/{ComplicationId(Own)}", 1, reason);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(reason, Assert.Single(await Database.DeleteRowsAsync()).Reason);
    }

    [Fact]
    public async Task A_delete_of_a_version_someone_has_changed_since_is_refused_saying_what_changed_and_nothing_is_deleted()
    {
        var client = await Surgeon();
        var visit = await client.GetForEditAsync($"{OwnCase}/followups/{FollowupId(Own)}");
        visit["hfs_status"] = "near_complete";
        Assert.Equal(HttpStatusCode.OK, (await client.PutJsonAsync($"{OwnCase}/followups/{FollowupId(Own)}", visit)).StatusCode);
        var before = await Database.CountRowsAsync();

        var response = await client.DeleteAsync($"{OwnCase}/followups/{FollowupId(Own)}", version: 1, Reason);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.ReadObjectAsync();
        Assert.Equal((2, 1), ((int?)problem["current_version"], (int?)problem["your_version"]));
        Assert.Equal("followup_id F-HOU is at version 2, not 1: hfs_status changed since (by surgeon.hou). " +
            "Nothing was deleted: read it again and, if it is still to be deleted, send version 2.", (string?)problem["detail"]);
        await AssertNothingDeletedAsync(before);
        Assert.NotNull(await Database.FindAsync<FollowUp>(FollowupId(Own)));
    }

    [Fact]
    public async Task A_delete_without_the_version_read_is_refused_and_nothing_is_deleted()
    {
        var client = await Surgeon();
        var before = await Database.CountRowsAsync();

        var response = await client.DeleteAsync($"{OwnCase}/imaging/{ImagingId(Own)}", version: null, Reason);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The version is required: send the version you read, so that nobody else's change is overwritten.",
            (await response.ReadObjectAsync()).Messages("version").Single());
        await AssertNothingDeletedAsync(before);
    }

    [Theory]
    [InlineData("/api/patients/P-BCN")]
    [InlineData("/api/operations/C-BCN")]
    [InlineData("/api/operations/C-BCN/imaging/I-BCN")]
    [InlineData("/api/operations/C-BCN/followups/F-BCN")]
    [InlineData("/api/operations/C-BCN/complications/X-BCN")]
    [InlineData("/api/operations/C-HOU/followups/F-BCN")]
    public async Task Another_sites_record_is_not_found_and_nothing_is_deleted(string url)
    {
        var client = await Surgeon();
        var before = await Database.CountRowsAsync();

        var response = await client.DeleteAsync(url, 1, Reason);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.StartsWith("No record with ", (string?)(await response.ReadObjectAsync())["detail"]);
        await AssertNothingDeletedAsync(before);
    }

    [Theory]
    [InlineData("researcher")]
    [InlineData("admin")]
    public async Task A_researcher_or_an_administrator_may_not_delete_and_nothing_is_deleted(string user)
    {
        var client = await SignedInAsync(user);
        var before = await Database.CountRowsAsync();

        var response = await client.DeleteAsync($"{OwnCase}/followups/{FollowupId(Own)}", 1, Reason);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertNothingDeletedAsync(before);
    }

    [Fact]
    public async Task A_deleted_records_key_is_not_given_again_nor_taken_by_hand()
    {
        var client = await Surgeon();
        JsonObject Visit(string? id, string date) => new() { ["followup_id"] = id, ["visit_date"] = date, ["contact_mode"] = "phone", ["hfs_status"] = "resolved" };
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync($"{OwnCase}/followups", Visit("F000000001", "2024-06-05"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{OwnCase}/followups/F000000001", 1, Reason)).StatusCode);

        var again = await client.PostJsonAsync($"{OwnCase}/followups", Visit("F000000001", "2024-06-05"));
        string next;
        await using (var db = Database.NewContext()) next = await new MvdRegistry.Application.Saving.KeyGenerator(db).NextAsync("followup");

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("F000000002", next);
    }

    private async Task AssertNothingDeletedAsync(Dictionary<string, int> before)
    {
        Assert.Equal(before, await Database.CountRowsAsync());
        Assert.Empty(await Database.DeleteRowsAsync());
    }
}

public sealed class SqliteDeleteApiTests(SqliteTestDatabase database) : DeleteApiTests<SqliteTestDatabase>(database);

public sealed class PostgresDeleteApiTests(PostgresTestDatabase database) : DeleteApiTests<PostgresTestDatabase>(database);
