using System.Net;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Application.Saving;
using MvdRegistry.Application.Scheduling;
using MvdRegistry.Application.Users;
using MvdRegistry.Core.Access;
using MvdRegistry.Core.Model;
using MvdRegistry.IntegrationTests.Infrastructure;
using MvdRegistry.Web.Entry;

namespace MvdRegistry.IntegrationTests.Entry;

public abstract class EditTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    protected override Task SeedAsync() => Database.SeedAsync(EntryCases.Seed());

    [Fact]
    public async Task An_edit_of_a_new_record_is_saved_and_audited_field_by_field()
    {
        var client = await SignedInAsync("surgeon.hou");
        var (_, form) = await OpenAsync(client, "/Cases/C1/Edit");

        var response = await PostAsync(client, "/Cases/C1/Edit", form.Set("duration_min", "175").Set("baep_monitored", "yes"));

        Page.AssertRedirect(response, "/Cases/C1");
        await using var db = Db();
        var operation = await db.Operations.SingleAsync(o => o.CaseId == "C1");
        Assert.Equal((175, "yes", 2), (operation.DurationMin, operation.BaepMonitored, operation.Version));
        var changes = await db.AuditLog.Where(a => a.Action == AuditAction.Update).OrderBy(a => a.Field)
            .Select(a => new { a.Field, a.OldValue, a.NewValue, a.User }).ToListAsync();
        Assert.Equal(
            new[] { new { Field = (string?)"baep_monitored", OldValue = (string?)null, NewValue = (string?)"yes", User = "surgeon.hou" },
            new { Field = (string?)"duration_min", OldValue = (string?)"150", NewValue = (string?)"175", User = "surgeon.hou" } },
            changes);
    }

    [Fact]
    public async Task A_stale_edit_gets_the_conflict_message_with_the_changed_field_and_does_not_overwrite()
    {
        var first = await SignedInAsync(EntryCases.SecondHouSurgeon);
        var second = await SignedInAsync("surgeon.hou");
        var (_, firstForm) = await OpenAsync(first, "/Cases/C1/Edit");
        var (_, secondForm) = await OpenAsync(second, "/Cases/C1/Edit");

        Page.AssertRedirect(await PostAsync(first, "/Cases/C1/Edit", firstForm.Set("duration_min", "120").Set("implant", "other")), "/Cases/C1");
        var stale = await PostAsync(second, "/Cases/C1/Edit", secondForm.Set("duration_min", "200").Set("blood_loss_ml", "80"));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = await Page.HtmlAsync(stale);
        Assert.Contains("Someone else saved this record after you opened it", html);
        Assert.Equal(["Operation duration skin to skin (min) (duration_min)", "200", "120", "yours"], Page.ConflictRow(html, "duration_min"));
        Assert.Equal(["Implant material (implant)", "", "Other", "theirs (you had not changed it)"], Page.ConflictRow(html, "implant"));
        var kept = HtmlForm.Parse(html);
        Assert.Equal(("200", "80", "other", "2"), (kept["duration_min"], kept["blood_loss_ml"], kept["implant"], kept["row_version"]));
        await using var db = Db();
        var operation = await db.Operations.SingleAsync(o => o.CaseId == "C1");
        Assert.Equal((120, (int?)null, "other", 2), (operation.DurationMin, operation.BloodLossMl, operation.Implant, operation.Version));
    }

    [Fact]
    public async Task Saving_again_after_a_conflict_replaces_only_what_this_user_changed()
    {
        var first = await SignedInAsync(EntryCases.SecondHouSurgeon);
        var second = await SignedInAsync("surgeon.hou");
        var (_, firstForm) = await OpenAsync(first, "/Cases/C1/Edit");
        var (_, secondForm) = await OpenAsync(second, "/Cases/C1/Edit");
        await PostAsync(first, "/Cases/C1/Edit", firstForm.Set("duration_min", "120").Set("implant", "other"));
        var conflict = await PostAsync(second, "/Cases/C1/Edit", secondForm.Set("duration_min", "200"));

        var again = await PostAsync(second, "/Cases/C1/Edit", HtmlForm.Parse(await Page.HtmlAsync(conflict)));

        Page.AssertRedirect(again, "/Cases/C1");
        await using var db = Db();
        var operation = await db.Operations.SingleAsync(o => o.CaseId == "C1");
        Assert.Equal((200, "other", 3), (operation.DurationMin, operation.Implant, operation.Version));
    }

    [Fact]
    public async Task A_save_that_loses_the_race_at_the_database_is_a_conflict_too()
    {
        await using var db = Db();
        var operation = await db.Operations.Include(o => o.Patient).SingleAsync(o => o.CaseId == "C1");
        var loaded = Columns.Of(operation);
        await using (var other = Db())
        {
            (await other.Operations.SingleAsync(o => o.CaseId == "C1")).DurationMin = 120;
            await other.SaveChangesAsync();
        }
        var surgeon = new JobUser("surgeon.hou", "test", [Roles.Surgeon], ["HOU"], null);
        var entry = new RecordEntry(new SaveHandler(db, surgeon, TimeProvider.System, new KeyGenerator(db), new OverdueListStore(db, TimeProvider.System)));

        var result = await entry.UpdateAsync(new EntryRequest
        {
            Record = operation,
            Posted = new Dictionary<string, string?>(loaded) { ["duration_min"] = "200" },
            Input = new EntryInput(operation.Version, LoadedValues.Write(loaded), null, null),
        });

        Assert.False(result.Saved);
        var row = Assert.Single(result.State.Conflict);
        Assert.Equal(("duration_min", "200", "120", 2), (row.Name, row.Yours, row.Theirs, result.State.RowVersion));
        await using var check = Db();
        Assert.Equal(120, (await check.Operations.SingleAsync(o => o.CaseId == "C1")).DurationMin);
    }

    [Fact]
    public async Task An_edit_of_a_record_older_than_a_day_requires_a_reason_that_lands_in_the_audit_rows()
    {
        await using (var db = Db())
            await db.Operations.Where(o => o.CaseId == "C1").ExecuteUpdateAsync(s => s.SetProperty(o => o.CreatedAt, DateTime.UtcNow.AddDays(-3)));
        var client = await SignedInAsync("surgeon.hou");
        var (page, form) = await OpenAsync(client, "/Cases/C1/Edit");
        Assert.Contains("required", Page.Field(page, "change_reason"));

        var refused = await PostAsync(client, "/Cases/C1/Edit", form.Set("duration_min", "165"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await Page.HtmlAsync(refused);
        Assert.Contains("give a reason for the change", Page.Field(html, "change_reason"));
        Assert.Equal("165", HtmlForm.Parse(html)["duration_min"]);
        Assert.Equal(150, (await Database.FindAsync<Operation>("C1"))!.DurationMin);

        var saved = await PostAsync(client, "/Cases/C1/Edit", HtmlForm.Parse(html).Set("change_reason", "Duration read from the anaesthesia chart"));

        Page.AssertRedirect(saved, "/Cases/C1");
        await using var check = Db();
        var audit = await check.AuditLog.SingleAsync(a => a.Action == AuditAction.Update);
        Assert.Equal(("duration_min", "150", "165", "Duration read from the anaesthesia chart", "surgeon.hou"),
            (audit.Field, audit.OldValue, audit.NewValue, audit.Reason, audit.User));
    }

    [Fact]
    public async Task A_surgery_date_moved_after_a_recorded_visit_is_refused_naming_the_visit()
    {
        var client = await SignedInAsync("surgeon.hou");
        var (_, form) = await OpenAsync(client, "/Cases/C1/Edit");

        var response = await PostAsync(client, "/Cases/C1/Edit", form.Set("surgery_date", "2025-03-01").Set("discharge_date", "2025-03-04"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Follow-up visit F1: Visit date 2025-02-09 is before the date of surgery (2025-03-01)", Page.Text(await Page.HtmlAsync(response)));
        await using var db = Db();
        Assert.Equal(Seed.Surgery, (await db.Operations.SingleAsync(o => o.CaseId == "C1")).SurgeryDate);
    }

    [Fact]
    public async Task A_patient_edit_is_saved_and_returns_to_the_operation()
    {
        var client = await SignedInAsync("surgeon.hou");
        var (_, form) = await OpenAsync(client, "/Patients/P1/Edit?caseId=C1");

        var response = await PostAsync(client, "/Patients/P1/Edit?caseId=C1", form.Set("ethnicity", "hispanic"));

        Page.AssertRedirect(response, "/Cases/C1");
        await using var db = Db();
        Assert.Equal("hispanic", (await db.Patients.SingleAsync(p => p.PatientId == "P1")).Ethnicity);
    }

    [Fact]
    public async Task A_birth_date_after_the_surgery_is_refused_naming_the_operation()
    {
        var client = await SignedInAsync("surgeon.hou");
        var (_, form) = await OpenAsync(client, "/Patients/P1/Edit");

        var response = await PostAsync(client, "/Patients/P1/Edit", form.Set("birth_date", "2025-02-01"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Operation C1: Date of surgery 2025-01-10 is before the patient's date of birth (2025-02-01)", Page.Text(await Page.HtmlAsync(response)));
    }
}

public sealed class SqliteEditTests(SqliteTestDatabase database) : EditTests<SqliteTestDatabase>(database);

public sealed class PostgresEditTests(PostgresTestDatabase database) : EditTests<PostgresTestDatabase>(database);
