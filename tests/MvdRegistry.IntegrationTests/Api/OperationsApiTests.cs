using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Model;
using MvdRegistry.IntegrationTests.Infrastructure;
using static MvdRegistry.IntegrationTests.Infrastructure.TwoSites;

namespace MvdRegistry.IntegrationTests.Api;

public abstract class OperationsApiTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private static readonly string OwnCase = $"/api/operations/{CaseId(Own)}";
    protected override Task SeedAsync() => TwoSites.SeedAsync(Database);

    private Task<HttpClient> Surgeon() => Web.SignedInAsync("surgeon.hou");

    [Fact]
    public async Task A_surgeon_reads_an_operation_of_their_site_under_the_dictionarys_names()
    {
        var operation = await (await Surgeon()).GetObjectAsync(OwnCase);

        Assert.Equal(CaseId(Own), (string?)operation["case_id"]);
        Assert.Equal(SurgeryDate, (string?)operation["surgery_date"]);
        Assert.Equal(["AICA"], operation["vessel_op"]!.AsArray().Select(v => (string?)v));
        Assert.Equal(150, (int?)operation["duration_min"]);
        Assert.Null(operation["tn_division"]);
        Assert.Equal(1, (int?)operation["version"]);
    }

    [Fact]
    public async Task The_operations_list_holds_only_the_users_sites_a_page_at_a_time()
    {
        var surgeon = await (await Surgeon()).GetObjectAsync("/api/operations");
        var admin = await (await SignedInAsync("admin")).GetObjectAsync("/api/operations?page=2&page_size=1");

        Assert.Equal([CaseId(Own)], surgeon["items"]!.AsArray().Select(o => (string?)o!["case_id"]));
        Assert.Equal(1, (int?)surgeon["total_count"]);
        Assert.Equal(2, (int?)admin["total_count"]);
        Assert.Single(admin["items"]!.AsArray());
        Assert.Equal(2, (int?)admin["page"]);
    }

    [Fact]
    public async Task A_surgeon_creates_a_patient_and_then_an_operation_for_them()
    {
        var client = await Surgeon();

        var patient = await client.PostJsonAsync("/api/patients", new JsonObject
        {
            ["patient_id"] = "P-NEW", ["site_code"] = Own, ["mrn"] = "HOU0000099", ["birth_date"] = "1971-02-03",
            ["sex"] = "M", ["consent_status"] = "consented",
        });
        var operation = await client.PostJsonAsync("/api/operations", NewTnOperation("C-NEW", "P-NEW"));

        Assert.Equal(HttpStatusCode.Created, patient.StatusCode);
        Assert.Equal("/api/patients/P-NEW", patient.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Created, operation.StatusCode);
        Assert.Equal("/api/operations/C-NEW", operation.Headers.Location!.ToString());
        var read = await client.GetObjectAsync("/api/operations/C-NEW");
        Assert.Equal(["V2", "V3"], read["tn_division"]!.AsArray().Select(v => (string?)v));
        Assert.Equal("HOU-01", (string?)read["surgeon_code"]);
        await using var db = Database.NewContext();
        var audit = await db.AuditLog.SingleAsync(a => a.Entity == "case" && a.Key == "C-NEW");
        Assert.Equal(("surgeon.hou", AuditAction.Insert), (audit.User, audit.Action));
    }

    [Fact]
    public async Task An_operation_for_another_sites_patient_is_refused_as_if_the_patient_did_not_exist()
    {
        var client = await Surgeon();

        var other = await (await client.PostJsonAsync("/api/operations", NewTnOperation("C-NEW", PatientId(Other)))).ReadObjectAsync();
        var missing = await (await client.PostJsonAsync("/api/operations", NewTnOperation("C-NEW", "P-NOBODY"))).ReadObjectAsync();

        Assert.Equal(400, (int?)other["status"]);
        Assert.Contains("no patient 'P-BCN' at a site where you enter records", other.Messages("patient_id").Single());
        Assert.Equal(missing.Messages("patient_id").Single().Replace("P-NOBODY", "P-BCN"), other.Messages("patient_id").Single());
    }

    [Fact]
    public async Task Creating_an_operation_under_a_key_already_taken_is_a_conflict_and_changes_nothing()
    {
        var client = await Surgeon();

        var response = await client.PostJsonAsync("/api/operations", NewTnOperation(CaseId(Own), PatientId(Own)));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains($"case_id {CaseId(Own)} is already taken", (string?)(await response.ReadObjectAsync())["detail"]);
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task An_update_saves_the_values_bumps_the_version_and_audits_the_users_name_and_reason()
    {
        var client = await Surgeon();
        var operation = await client.GetForEditAsync(OwnCase);
        operation["duration_min"] = 175;

        var response = await client.PutJsonAsync(OwnCase, operation, reason: "typed from the anaesthesia chart");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await response.ReadObjectAsync();
        Assert.Equal((175, 2), ((int?)saved["duration_min"], (int?)saved["version"]));
        await using var db = Database.NewContext();
        var audit = await db.AuditLog.SingleAsync(a => a.Action == AuditAction.Update);
        Assert.Equal(("case", CaseId(Own), "duration_min", "150", "175"), (audit.Entity, audit.Key, audit.Field, audit.OldValue, audit.NewValue));
        Assert.Equal(("surgeon.hou", "typed from the anaesthesia chart"), (audit.User, audit.Reason));
    }

    [Fact]
    public async Task The_reason_may_come_in_the_body_instead_of_the_header()
    {
        var client = await Surgeon();
        var operation = await client.GetForEditAsync(OwnCase);
        operation["blood_loss_ml"] = 40;
        operation["reason"] = "from the operative note";

        Assert.Equal(HttpStatusCode.OK, (await client.PutJsonAsync(OwnCase, operation)).StatusCode);

        await using var db = Database.NewContext();
        Assert.Equal("from the operative note", (await db.AuditLog.SingleAsync(a => a.Field == "blood_loss_ml")).Reason);
    }

    [Fact]
    public async Task Values_against_the_dictionarys_rules_answer_a_validation_problem_naming_each_variable()
    {
        var client = await Surgeon();
        var operation = await client.GetForEditAsync(OwnCase);
        operation["side"] = "X";
        operation["duration_min"] = 5;
        operation["discharge_date"] = "2024-03-01";
        operation["tn_type"] = "1";
        operation["vessel_op"] = new JsonArray("AICA", "SPINAL");

        var response = await client.PutJsonAsync(OwnCase, operation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.ReadObjectAsync();
        Assert.Contains("'X' is not one of the choices", problem.Messages("side").Single());
        Assert.Contains("below the minimum 20", problem.Messages("duration_min").Single());
        Assert.Contains("before the date of surgery", problem.Messages("discharge_date").Single());
        Assert.Contains("does not apply here", problem.Messages("tn_type").Single());
        Assert.Contains("'SPINAL' is not one of the choices", problem.Messages("vessel_op").Single());
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task A_body_of_the_wrong_shape_answers_a_validation_problem_naming_each_property()
    {
        var client = await Surgeon();
        var operation = await client.GetForEditAsync(OwnCase);
        operation["bmi"] = "27.5";
        operation["duration_min"] = "175";
        operation["surgery_date"] = "05/03/2024";
        operation["colour"] = "blue";
        operation["created_at"] = "2020-01-01T00:00:00Z";

        var problem = await (await client.PutJsonAsync(OwnCase, operation)).ReadObjectAsync();

        Assert.Equal(400, (int?)problem["status"]);
        Assert.Equal("expected a number or null, not \"27.5\"", problem.Messages("bmi").Single());
        Assert.Equal("expected a whole number or null, not \"175\"", problem.Messages("duration_min").Single());
        Assert.Contains("expected a date as \"yyyy-MM-dd\"", problem.Messages("surgery_date").Single());
        Assert.Equal("colour is not a variable of this form", problem.Messages("colour").Single());
        Assert.Contains("kept by the registry", problem.Messages("created_at").Single());
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task A_key_cannot_be_changed_and_an_update_must_carry_its_version()
    {
        var client = await Surgeon();
        var operation = await client.GetForEditAsync(OwnCase);
        operation["case_id"] = "C-RENAMED";
        operation.Remove("version");

        var problem = await (await client.PutJsonAsync(OwnCase, operation)).ReadObjectAsync();

        Assert.Contains("cannot be changed", problem.Messages("case_id").Single());
        Assert.Contains("is required", problem.Messages("version").Single());
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task A_warning_is_answered_422_and_nothing_is_saved_until_it_is_confirmed()
    {
        var client = await Surgeon();
        var operation = await client.GetForEditAsync(OwnCase);
        operation["side"] = "B";

        var unconfirmed = await client.PutJsonAsync(OwnCase, operation);
        await AssertUnchangedAsync();
        operation["confirm_warnings"] = true;
        var confirmed = await client.PutJsonAsync(OwnCase, operation);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, unconfirmed.StatusCode);
        Assert.Contains("bilateral hemifacial spasm is rare", (await unconfirmed.ReadObjectAsync()).Messages("side", "warnings").Single());
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("B", (string?)(await confirmed.ReadObjectAsync())["side"]);
    }

    [Fact]
    public async Task A_stale_version_is_refused_with_409_saying_what_changed_since()
    {
        var mine = await Surgeon();
        var colleague = await Surgeon();
        var myCopy = await mine.GetForEditAsync(OwnCase);
        var theirCopy = await colleague.GetForEditAsync(OwnCase);
        theirCopy["duration_min"] = 190;
        Assert.Equal(HttpStatusCode.OK, (await colleague.PutJsonAsync(OwnCase, theirCopy, "re-timed")).StatusCode);
        myCopy["implant"] = "teflon";

        var response = await mine.PutJsonAsync(OwnCase, myCopy);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.ReadObjectAsync();
        Assert.Equal((2, 1), ((int?)problem["current_version"], (int?)problem["your_version"]));
        var change = problem["changes"]!.AsArray().Single()!;
        Assert.Equal(("duration_min", "150", "190", "surgeon.hou", "re-timed"),
            ((string?)change["field"], (string?)change["old_value"], (string?)change["new_value"], (string?)change["user"], (string?)change["reason"]));
        Assert.Contains("duration_min changed since", (string?)problem["detail"]);
        await using var db = Database.NewContext();
        Assert.Null((await db.Operations.SingleAsync(o => o.CaseId == CaseId(Own))).Implant);
    }

    [Fact]
    public async Task Changing_a_record_older_than_24_hours_needs_a_reason()
    {
        await Database.ResetAsync();
        await TwoSites.SeedAsync(Database, createdAt: DateTimeOffset.UtcNow.AddDays(-3));
        var client = await Surgeon();
        var operation = await client.GetForEditAsync(OwnCase);
        operation["duration_min"] = 160;

        var without = await client.PutJsonAsync(OwnCase, operation);
        var with = await client.PutJsonAsync(OwnCase, operation, reason: "corrected from the anaesthesia record");

        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        Assert.Contains("older than 24 hours", (await without.ReadObjectAsync()).Messages("reason").Single());
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
    }

    [Fact]
    public async Task Another_sites_operation_is_not_found_whether_read_or_written()
    {
        var client = await Surgeon();
        var other = $"/api/operations/{CaseId(Other)}";

        var read = await client.GetAsync(other);
        var written = await client.PutJsonAsync(other, new JsonObject { ["version"] = 1 });
        var missing = await (await client.GetAsync("/api/operations/C-NOBODY")).ReadObjectAsync();

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (read.StatusCode, written.StatusCode));
        Assert.Equal(((string?)missing["detail"])!.Replace("C-NOBODY", CaseId(Other)), (string?)(await read.ReadObjectAsync())["detail"]);
        await using var db = Database.NewContext();
        Assert.Equal(1, (await db.Operations.SingleAsync(o => o.CaseId == CaseId(Other))).Version);
    }

    private static JsonObject NewTnOperation(string caseId, string patientId) => new()
    {
        ["case_id"] = caseId, ["patient_id"] = patientId, ["indication"] = "TN", ["side"] = "R", ["redo"] = "no",
        ["symptom_duration_months"] = 30, ["tn_type"] = "1", ["tn_division"] = new JsonArray("V2", "V3"), ["bni_pain_preop"] = "IV",
        ["surgery_date"] = "2025-01-15", ["approach"] = "rs_supracerebellar", ["vessel_op"] = new JsonArray("SCA"),
        ["vessel_primary"] = "SCA", ["technique"] = "interposition",
    };

    private async Task AssertUnchangedAsync()
    {
        await using var db = Database.NewContext();
        Assert.Equal(1, (await db.Operations.SingleAsync(o => o.CaseId == CaseId(Own))).Version);
        Assert.False(await db.AuditLog.AnyAsync(a => a.Action == AuditAction.Update));
    }
}

public sealed class SqliteOperationsApiTests(SqliteTestDatabase database) : OperationsApiTests<SqliteTestDatabase>(database);

public sealed class PostgresOperationsApiTests(PostgresTestDatabase database) : OperationsApiTests<PostgresTestDatabase>(database);
