using System.Net;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.IntegrationTests.Infrastructure;

namespace MvdRegistry.IntegrationTests.Entry;

public abstract class ChildFormTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    protected override Task SeedAsync() => Database.SeedAsync(EntryCases.Seed());

    [Fact]
    public async Task A_follow_up_visit_is_added_with_a_generated_key_and_listed_with_its_day_after_surgery()
    {
        var client = await SignedInAsync("surgeon.hou");
        var (_, form) = await OpenAsync(client, "/Cases/C1/FollowUps/New");

        var response = await PostAsync(client, "/Cases/C1/FollowUps/New",
            form.Set("visit_date", "2025-04-10").Set("contact_mode", "clinic").Set("hfs_status", "near_complete").Set("hb_grade", "1"));

        Page.AssertRedirect(response, "/Cases/C1");
        await using (var db = Db())
            Assert.Equal("near_complete", (await db.FollowUps.SingleAsync(f => f.FollowupId == "F000000001")).HfsStatus);
        var page = Page.Text(await client.GetStringAsync("/Cases/C1"));
        Assert.Contains("F000000001 2025-04-10 day 90 after surgery Clinic Near-complete (occasional slight twitch)", page);
    }

    [Fact]
    public async Task A_visit_before_the_surgery_is_refused_beside_its_date()
    {
        var client = await SignedInAsync("surgeon.hou");
        var (_, form) = await OpenAsync(client, "/Cases/C1/FollowUps/New");

        var response = await PostAsync(client, "/Cases/C1/FollowUps/New", form.Set("visit_date", "2025-01-05").Set("hfs_status", "unchanged"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var field = Page.Field(await Page.HtmlAsync(response), "visit_date");
        Assert.Contains("2025-01-05 is before the date of surgery (2025-01-10)", field);
        Assert.Contains("5 days before surgery", field);
        await using var db = Db();
        Assert.Equal(1, await db.FollowUps.CountAsync());
    }

    [Fact]
    public async Task A_field_that_does_not_apply_is_an_error_beside_it()
    {
        var client = await SignedInAsync("surgeon.hou");
        var (html, form) = await OpenAsync(client, "/Cases/C1/Complications/New");
        Assert.Contains("data-applies-when=\"complication_type=facial_palsy\"", Page.Field(html, "hb_grade_worst"));

        var response = await PostAsync(client, "/Cases/C1/Complications/New", form
            .Set("complication_type", "csf_leak").Set("onset_date", "2025-01-15").Set("clavien_dindo", "IIIa")
            .Set("hb_grade_worst", "4").Set("resolved", "no"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("does not apply here: it applies only when Complication is Facial palsy",
            Page.Field(await Page.HtmlAsync(response), "hb_grade_worst"));
    }

    [Fact]
    public async Task A_complication_edit_shows_days_after_surgery_and_a_recorded_death_may_not_precede_a_visit()
    {
        var client = await SignedInAsync("surgeon.hou");
        var (_, form) = await OpenAsync(client, "/Cases/C1/Complications/New");

        var response = await PostAsync(client, "/Cases/C1/Complications/New", form
            .Set("complication_type", "death").Set("onset_date", "2025-01-20").Set("clavien_dindo", "V").Set("resolved", "no"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await Page.HtmlAsync(response);
        Assert.Contains("Follow-up visit F1: Visit date 2025-02-09 is after the death recorded on 2025-01-20", Page.Text(html));
        Assert.Contains("day 10 after surgery", Page.Field(html, "onset_date"));
    }

    [Fact]
    public async Task A_tumour_not_excluded_on_imaging_is_saved_once_the_warning_is_confirmed()
    {
        var client = await SignedInAsync("surgeon.hou");
        var (_, form) = await OpenAsync(client, "/Cases/C1/Imaging/New");
        form.Set("imaging_date", "2024-12-01").Set("modality", "MRI").Tick("mri_sequence___T2_3D").Set("nvc_detected", "yes")
            .Tick("vessel_img___AICA").Set("tumor_excluded", "no");

        var first = await PostAsync(client, "/Cases/C1/Imaging/New", form);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var html = await Page.HtmlAsync(first);
        Assert.Contains("a tumour or other lesion was not excluded", Page.Field(html, "tumor_excluded"));
        Assert.Contains("40 days before surgery", Page.Field(html, "imaging_date"));

        var confirmed = await PostAsync(client, "/Cases/C1/Imaging/New", HtmlForm.Parse(html).Tick("confirm_warnings"));

        Page.AssertRedirect(confirmed, "/Cases/C1");
        await using var db = Db();
        var study = await db.Imaging.SingleAsync(i => i.ImagingId != "I1");
        Assert.Equal(("I00000001", "T2_3D", "AICA", "no"), (study.ImagingId, study.MriSequence, study.VesselImg, study.TumorExcluded));
    }

    [Fact]
    public async Task An_imaging_study_answered_with_no_vessel_keeps_that_answer_when_another_field_is_edited()
    {
        var client = await SignedInAsync("surgeon.hou");
        var (_, form) = await OpenAsync(client, "/Imaging/I1/Edit");
        Assert.DoesNotContain(form.Fields, f => f.Key.StartsWith("vessel_img___", StringComparison.Ordinal));

        var response = await PostAsync(client, "/Imaging/I1/Edit", form.Set("reader", "neuroradiologist"));

        Page.AssertRedirect(response, "/Cases/C1");
        await using var db = Db();
        var study = await db.Imaging.SingleAsync(i => i.ImagingId == "I1");
        Assert.Equal(("neuroradiologist", ""), (study.Reader, study.VesselImg));
    }

    [Fact]
    public async Task A_follow_up_visit_is_edited_through_its_own_page()
    {
        var client = await SignedInAsync("surgeon.hou");
        var (_, form) = await OpenAsync(client, "/FollowUps/F1/Edit");

        var response = await PostAsync(client, "/FollowUps/F1/Edit", form.Set("hfs_status", "near_complete").Set("followup_id", "F999"));

        Page.AssertRedirect(response, "/Cases/C1");
        await using var db = Db();
        var visit = await db.FollowUps.SingleAsync();
        Assert.Equal(("F1", "near_complete"), (visit.FollowupId, visit.HfsStatus));
    }
}

public sealed class SqliteChildFormTests(SqliteTestDatabase database) : ChildFormTests<SqliteTestDatabase>(database);

public sealed class PostgresChildFormTests(PostgresTestDatabase database) : ChildFormTests<PostgresTestDatabase>(database);
