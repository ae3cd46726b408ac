using System.Net;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Model;
using MvdRegistry.IntegrationTests.Infrastructure;

namespace MvdRegistry.IntegrationTests.Entry;

public abstract class NewCaseTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    protected override Task SeedAsync() => Database.SeedAsync(EntryCases.Seed());

    /// <summary>A new HOU patient with an HFS operation, typed as a user would into /Cases/New.</summary>
    private static HtmlForm Fill(HtmlForm form) => form
        .Set("patient_choice", "new").Set("site_code", "HOU").Set("mrn", "HOU7654321").Set("birth_date", "1971-03-04")
        .Set("sex", "F").Set("ethnicity", "asian").Set("consent_status", "consented")
        .Set("indication", "HFS").Set("side", "L").Set("redo", "no").Set("symptom_duration_months", "36")
        .Set("hfs_onset", "typical").Set("hfs_extent", "lower_face").Set("cohen_grade_preop", "3")
        .Set("botox_prior", "yes").Set("botox_cycles", "12").Set("botox_response", "partial")
        .Set("surgery_date", "2025-03-01").Set("surgeon_code", "HOU-S1").Set("approach", "rs_infrafloccular")
        .Set("lsr_monitored", "yes").Set("lsr_intraop", "disappeared")
        .Tick("vessel_op___AICA").Tick("vessel_op___VEIN").Set("vessel_primary", "AICA")
        .Set("technique", "interposition").Set("implant", "teflon").Set("discharge_date", "2025-03-04");

    [Fact]
    public async Task A_surgeon_creates_an_HFS_operation_for_a_new_patient_and_it_is_saved_and_audited()
    {
        var client = await SignedInAsync("surgeon.hou");
        var (_, form) = await OpenAsync(client, "/Cases/New");

        var response = await PostAsync(client, "/Cases/New", Fill(form));

        Page.AssertRedirect(response, "/Cases/C0000001");
        await using var db = Db();
        var operation = await db.Operations.Include(o => o.Patient).SingleAsync(o => o.CaseId == "C0000001");
        Assert.Equal(("P0000001", "HOU", "HOU7654321", new DateOnly(1971, 3, 4)),
            (operation.PatientId, operation.Patient!.SiteCode, operation.Patient.Mrn, operation.Patient.BirthDate));
        Assert.Equal(("HFS", "L", 12, "AICA|VEIN", "AICA", new DateOnly(2025, 3, 4)),
            (operation.Indication, operation.Side, operation.BotoxCycles, operation.VesselOp, operation.VesselPrimary, operation.DischargeDate));
        var audit = await db.AuditLog.Where(a => a.Action == AuditAction.Insert && a.User == "surgeon.hou")
            .Select(a => a.Entity + " " + a.Key).OrderBy(x => x).ToListAsync();
        Assert.Equal(["case C0000001", "patient P0000001"], audit);
    }

    [Fact]
    public async Task A_typed_key_is_kept_and_an_operation_is_added_to_an_existing_patient()
    {
        var client = await SignedInAsync("surgeon.hou");
        var (html, form) = await OpenAsync(client, "/Cases/New?patientId=P1");
        Assert.Equal("existing", form["patient_choice"]);
        Fill(form).Set("patient_choice", "existing").Set("patient_id", "P1").Set("case_id", "HOU-2025-017").Set("side", "R");

        var response = await PostAsync(client, "/Cases/New", form);

        Page.AssertRedirect(response, "/Cases/HOU-2025-017");
        await using var db = Db();
        Assert.Equal("P1", (await db.Operations.SingleAsync(o => o.CaseId == "HOU-2025-017")).PatientId);
        Assert.Equal(2, await db.Patients.CountAsync());
    }

    [Fact]
    public async Task A_validation_error_shows_the_message_beside_the_field_and_keeps_every_typed_value()
    {
        var client = await SignedInAsync("surgeon.hou");
        var (_, form) = await OpenAsync(client, "/Cases/New");
        Fill(form).Set("symptom_duration_months", "1000").Set("discharge_date", "2025-02-20");

        var response = await PostAsync(client, "/Cases/New", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await Page.HtmlAsync(response);
        Assert.Contains("1000 is above the maximum 900", Page.Field(html, "symptom_duration_months"));
        Assert.Contains("2025-02-20 is before the date of surgery (2025-03-01)", Page.Field(html, "discharge_date"));
        var again = HtmlForm.Parse(html);
        foreach (var (name, value) in form.Fields.Where(f => f.Key != "__RequestVerificationToken"))
            Assert.True(again[name] == value, $"{name}: typed '{value}', shown again as '{again[name]}'");
        await using var db = Db();
        Assert.Equal(2, await db.Operations.CountAsync());
        Assert.Equal(2, await db.Patients.CountAsync());
    }

    [Fact]
    public async Task A_bilateral_HFS_warning_must_be_confirmed_before_the_save_goes_through()
    {
        var client = await SignedInAsync("surgeon.hou");
        var (_, form) = await OpenAsync(client, "/Cases/New");

        var first = await PostAsync(client, "/Cases/New", Fill(form).Set("side", "B"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var html = await Page.HtmlAsync(first);
        Assert.Contains("bilateral hemifacial spasm is rare", Page.Field(html, "side"));
        Assert.Contains("I confirm the warnings", html);
        await using (var db = Db()) Assert.Equal(2, await db.Operations.CountAsync());

        var confirmed = await PostAsync(client, "/Cases/New", HtmlForm.Parse(html).Tick("confirm_warnings"));

        Page.AssertRedirect(confirmed, "/Cases/C0000001");
        await using (var db = Db()) Assert.Equal("B", (await db.Operations.SingleAsync(o => o.CaseId == "C0000001")).Side);
    }

    [Fact]
    public async Task A_patient_of_a_site_not_granted_cannot_be_given_an_operation()
    {
        var client = await SignedInAsync("surgeon.hou");
        var (_, form) = await OpenAsync(client, "/Cases/New");
        Fill(form).Set("patient_choice", "existing").Set("patient_id", "P2");

        var response = await PostAsync(client, "/Cases/New", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("there is no patient P2 in your sites", Page.Field(await Page.HtmlAsync(response), "patient_id"));
        await using var db = Db();
        Assert.Equal(2, await db.Operations.CountAsync());
    }

    [Fact]
    public async Task A_new_patient_with_an_MRN_already_in_the_site_is_refused_naming_the_existing_patient()
    {
        var client = await SignedInAsync("surgeon.hou");
        var (_, form) = await OpenAsync(client, "/Cases/New");

        var response = await PostAsync(client, "/Cases/New", Fill(form).Set("mrn", "HOU0000001"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("HOU0000001 is already the MRN of patient P1 at site HOU", Page.Field(await Page.HtmlAsync(response), "mrn"));
        await using var db = Db();
        Assert.Equal((2, 2), (await db.Patients.CountAsync(), await db.Operations.CountAsync()));
    }

    [Fact]
    public async Task An_unknown_surgeon_code_is_refused_and_not_registered()
    {
        var client = await SignedInAsync("surgeon.hou");
        var (_, form) = await OpenAsync(client, "/Cases/New");

        var response = await PostAsync(client, "/Cases/New", Fill(form).Set("surgeon_code", "HOU-S7"));

        Assert.Contains("HOU-S7 is not a surgeon of your sites", Page.Field(await Page.HtmlAsync(response), "surgeon_code"));
        await using var db = Db();
        Assert.Equal((2, 2, 2), (await db.Patients.CountAsync(), await db.Operations.CountAsync(), await db.Surgeons.CountAsync()));
    }

    [Fact]
    public async Task A_new_patient_cannot_be_entered_for_a_site_not_granted()
    {
        var client = await SignedInAsync("surgeon.hou");
        var (_, form) = await OpenAsync(client, "/Cases/New");

        var response = await PostAsync(client, "/Cases/New", Fill(form).Set("site_code", "BCN"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("you may not enter records for site BCN", Page.Field(await Page.HtmlAsync(response), "site_code"));
        await using var db = Db();
        Assert.Equal(2, await db.Patients.CountAsync());
    }
}

public sealed class SqliteNewCaseTests(SqliteTestDatabase database) : NewCaseTests<SqliteTestDatabase>(database);

public sealed class PostgresNewCaseTests(PostgresTestDatabase database) : NewCaseTests<PostgresTestDatabase>(database);
