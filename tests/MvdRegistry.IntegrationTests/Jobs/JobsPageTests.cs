using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Model;
using MvdRegistry.IntegrationTests.Infrastructure;
using MvdRegistry.Reporting.Demo;
using MvdRegistry.Web.Pages.Jobs;

namespace MvdRegistry.IntegrationTests.Jobs;

/// <summary>/Jobs and /hangfire through the real web host, which runs no Hangfire server, so that queued runs stay queued.</summary>
public abstract class JobsPageTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    protected override Task SeedAsync() => TwoSites.SeedAsync(Database);

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = RegistryWebFactory.AntiforgeryToken(await client.GetStringAsync("/Jobs"));
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    private async Task<JobRun> AddRunAsync(string requestedBy, string status = JobRunStatus.Queued)
    {
        await using var db = Database.NewContext();
        var run = new JobRun
        {
            Kind = "statistics", Parameters = "{\"AsOf\":\"2026-11-25\"}", RequestedBy = requestedBy, Status = status,
            QueuedAt = new DateTime(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc), ProgressPercent = 40, ProgressText = "Loading the registry",
        };
        db.JobRuns.Add(run);
        await db.SaveChangesAsync();
        return run;
    }

    private async Task<JobRun> ReloadAsync(long id)
    {
        await using var db = Database.NewContext();
        return await db.JobRuns.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    private static IReadOnlyList<long> RunIds(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "data-run-id=\"(\\d+)\"").Select(m => long.Parse(m.Groups[1].Value)).ToList();

    [Fact]
    public async Task A_researcher_sees_their_own_runs_and_an_administrator_sees_every_run()
    {
        var mine = await AddRunAsync(DemoUsers.Researcher);
        var theirs = await AddRunAsync(DemoUsers.SurgeonOf(TwoSites.Own));

        var researcherPage = await (await SignedInAsync(DemoUsers.Researcher)).GetStringAsync("/Jobs");
        var adminPage = await (await SignedInAsync(DemoUsers.Administrator)).GetStringAsync("/Jobs");

        Assert.Equal([mine.Id], RunIds(researcherPage));
        Assert.Equal([theirs.Id, mine.Id], RunIds(adminPage));
        Assert.Contains("<progress max=\"100\" value=\"40\"", researcherPage);
        Assert.Contains("<script src=\"/js/jobs.js", researcherPage);
        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)", researcherPage);
    }

    [Fact]
    public async Task The_progress_endpoint_answers_only_the_callers_own_runs()
    {
        var mine = await AddRunAsync(DemoUsers.Researcher, JobRunStatus.Running);
        var theirs = await AddRunAsync(DemoUsers.SurgeonOf(TwoSites.Own), JobRunStatus.Running);
        var client = await SignedInAsync(DemoUsers.Researcher);

        var json = await client.GetStringAsync($"/Jobs?handler=Progress&ids={mine.Id}&ids={theirs.Id}");

        var runs = JsonSerializer.Deserialize<List<JobRunView>>(json, JsonSerializerOptions.Web)!;
        Assert.Equal([new JobRunView(mine.Id, "running", 40, "Loading the registry", null, null, null, false, null)], runs);
    }

    [Fact]
    public async Task The_owner_cancels_a_queued_run_and_another_user_cannot()
    {
        var run = await AddRunAsync(DemoUsers.Researcher);

        var stranger = await PostAsync(await SignedInAsync(DemoUsers.SurgeonOf(TwoSites.Own)), $"/Jobs?handler=Cancel&id={run.Id}", []);
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.Equal(JobRunStatus.Queued, (await ReloadAsync(run.Id)).Status);

        var owner = await PostAsync(await SignedInAsync(DemoUsers.Researcher), $"/Jobs?handler=Cancel&id={run.Id}", []);
        Assert.Equal(HttpStatusCode.Redirect, owner.StatusCode);
        var cancelled = await ReloadAsync(run.Id);
        Assert.Equal((JobRunStatus.Cancelled, $"Cancelled by {DemoUsers.Researcher}"), (cancelled.Status, cancelled.ProgressText));
        Assert.NotNull(cancelled.FinishedAt);
    }

    [Fact]
    public async Task An_administrator_cancels_anyones_queued_run_but_not_a_running_one()
    {
        var queued = await AddRunAsync(DemoUsers.Researcher);
        var running = await AddRunAsync(DemoUsers.Researcher, JobRunStatus.Running);
        var admin = await SignedInAsync(DemoUsers.Administrator);

        await PostAsync(admin, $"/Jobs?handler=Cancel&id={queued.Id}", []);
        await PostAsync(admin, $"/Jobs?handler=Cancel&id={running.Id}", []);

        Assert.Equal(JobRunStatus.Cancelled, (await ReloadAsync(queued.Id)).Status);
        Assert.Equal(JobRunStatus.Running, (await ReloadAsync(running.Id)).Status);
    }

    [Fact]
    public async Task Compute_statistics_now_queues_a_run_for_the_caller()
    {
        var client = await SignedInAsync(DemoUsers.Researcher);

        var response = await PostAsync(client, "/Jobs?handler=Statistics", new() { ["asOf"] = "2026-11-25" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = Database.NewContext();
        var run = await db.JobRuns.SingleAsync();
        Assert.Equal(("statistics", "{\"AsOf\":\"2026-11-25\",\"Filter\":null}", DemoUsers.Researcher, JobRunStatus.Queued), (run.Kind, run.Parameters, run.RequestedBy, run.Status));
        Assert.NotNull(run.HangfireJobId);
    }

    [Fact]
    public async Task Compute_statistics_with_a_bad_date_is_refused_and_queues_nothing()
    {
        var client = await SignedInAsync(DemoUsers.Researcher);

        var response = await PostAsync(client, "/Jobs?handler=Statistics", new() { ["asOf"] = "25/11/2026" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = Database.NewContext();
        Assert.Equal(0, await db.JobRuns.CountAsync());
    }

    [Fact]
    public async Task The_dashboard_opens_for_an_administrator_with_its_own_policy_and_is_refused_to_everyone_else()
    {
        var admin = await (await SignedInAsync(DemoUsers.Administrator)).GetAsync("/hangfire");
        var researcher = await (await SignedInAsync(DemoUsers.Researcher)).GetAsync("/hangfire");
        var surgeon = await (await SignedInAsync(DemoUsers.SurgeonOf(TwoSites.Own))).GetAsync("/hangfire");
        var anonymous = await Web.Anonymous().GetAsync("/hangfire");
        var jobsPage = await (await SignedInAsync(DemoUsers.Administrator)).GetAsync("/Jobs");

        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Contains("MVD Registry · background jobs", await admin.Content.ReadAsStringAsync());
        Assert.Equal(HangfireDashboard.ContentSecurityPolicy, admin.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (researcher.StatusCode, surgeon.StatusCode));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/Account/SignIn", new Uri(new Uri("http://localhost"), anonymous.Headers.Location!).AbsolutePath);
        // Every other page keeps the registry's strict policy.
        Assert.DoesNotContain("unsafe-inline", jobsPage.Headers.GetValues("Content-Security-Policy").Single());
    }
}

public sealed class SqliteJobsPageTests(SqliteTestDatabase database) : JobsPageTests<SqliteTestDatabase>(database);

public sealed class PostgresJobsPageTests(PostgresTestDatabase database) : JobsPageTests<PostgresTestDatabase>(database);
