using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MvdRegistry.Core.Model;
using MvdRegistry.IntegrationTests.Infrastructure;
using MvdRegistry.Jobs.Hosting;
using MvdRegistry.Jobs.Reports;
using MvdRegistry.Reporting.Demo;

namespace MvdRegistry.IntegrationTests.Reports;

/// <summary>/Reports through the real web host (no Hangfire server there): schedules through the form, and downloads.</summary>
public abstract class ReportsPageTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    protected override Task SeedAsync() => TwoSites.SeedAsync(Database);

    private string OutputFolder => Path.GetFullPath(Web.Services.GetRequiredService<IOptions<JobsOptions>>().Value.OutputFolder);

    private async Task<JobRun> AddRunAsync(string output, string kind = ReportJob.Kind)
    {
        await using var db = Database.NewContext();
        var run = new JobRun
        {
            Kind = kind, Parameters = "{\"Report\":\"outcomes\",\"Filter\":null,\"ScheduleId\":null}", RequestedBy = DemoUsers.Administrator,
            Status = JobRunStatus.Succeeded, QueuedAt = DateTime.UtcNow, FinishedAt = DateTime.UtcNow, Output = output,
        };
        db.JobRuns.Add(run);
        await db.SaveChangesAsync();
        return run;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string path, Dictionary<string, string> fields) =>
        FormHtml.PostAsync(client, page, path, fields);

    [Fact]
    public async Task An_administrator_downloads_a_runs_workbook_by_its_id_and_nobody_else_can()
    {
        Directory.CreateDirectory(OutputFolder);
        var file = Path.Combine(OutputFolder, $"outcomes-test-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(file, [0x50, 0x4B, 3, 4, 42]);
        var outside = Path.Combine(Path.GetTempPath(), $"mvd-outside-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(outside, [1, 2, 3]);
        try
        {
            var run = await AddRunAsync(file);
            var elsewhere = await AddRunAsync(outside);
            var statistics = await AddRunAsync(file, kind: "statistics");
            var admin = await SignedInAsync(DemoUsers.Administrator);

            var page = await admin.GetStringAsync("/Reports");
            var download = await admin.GetAsync($"/Reports?handler=Download&id={run.Id}");

            Assert.Contains($"href=\"/Reports?id={run.Id}&amp;handler=Download\"", page);
            Assert.DoesNotContain($"id={elsewhere.Id}&amp;handler=Download", page);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal([0x50, 0x4B, 3, 4, 42], await download.Content.ReadAsByteArrayAsync());
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", download.Content.Headers.ContentType!.MediaType);
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Reports?handler=Download&id={elsewhere.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Reports?handler=Download&id={statistics.Id}")).StatusCode);
            foreach (var user in new[] { DemoUsers.Researcher, DemoUsers.SurgeonOf(TwoSites.Own) })
            {
                var response = await (await SignedInAsync(user)).GetAsync($"/Reports?handler=Download&id={run.Id}");
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Contains("/Account/Denied", response.Headers.Location!.OriginalString);
            }
        }
        finally
        {
            File.Delete(file);
            File.Delete(outside);
        }
    }

    [Fact]
    public async Task A_schedule_saved_through_the_form_is_listed_with_its_next_three_times_and_a_bad_one_is_refused_with_its_reasons()
    {
        var admin = await SignedInAsync(DemoUsers.Administrator);
        var fields = new Dictionary<string, string>
        {
            ["Name"] = "Quarterly HFS", ["Report"] = "outcomes", ["Indication"] = "HFS", ["Cron"] = "0 6 1 1,4,7,10 *",
            ["TimeZone"] = "Europe/Madrid", ["RunsToKeep"] = "0",
        };

        var refused = await PostAsync(admin, "/Reports/Schedule", "/Reports/Schedule", new(fields) { ["Cron"] = "0 6 31 2 * *", ["TimeZone"] = "Madrid" });
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Nothing was saved", html);
        Assert.Contains("'0 6 31 2 * *' is not a cron expression of five fields", html);
        Assert.Contains("'Madrid' is not an IANA time zone id", html);
        Assert.Contains("Runs to keep must be between 1 and 1000 (it is 0)", html);
        await using (var db = Database.NewContext()) Assert.Equal(0, await db.ReportSchedules.CountAsync());

        var saved = await PostAsync(admin, "/Reports/Schedule", "/Reports/Schedule", new(fields) { ["RunsToKeep"] = "8" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using (var db = Database.NewContext())
        {
            var schedule = await db.ReportSchedules.SingleAsync();
            Assert.Equal(("Quarterly HFS", "HFS", 8, DemoUsers.Administrator), (schedule.Name, schedule.Indication, schedule.RunsToKeep, schedule.CreatedBy));
        }
        var list = WebUtility.HtmlDecode(await admin.GetStringAsync("/Reports"));
        Assert.Contains("Quarterly HFS", list);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(list, @"<div>20\d\d-(01|04|07|10)-01 06:00 \+0[12]:00</div>").Count);
    }

    /// <summary>The one-off report form as <paramref name="page"/> shows it.</summary>
    private static (string Indication, string Sites, string From, string To) FormOf(string page) =>
        (FormHtml.Chosen(page, "indication"), FormHtml.TickedSites(page), FormHtml.Typed(page, "from"), FormHtml.Typed(page, "to"));

    [Fact]
    public async Task A_one_off_report_refused_or_queued_comes_back_with_its_choice_in_the_form()
    {
        var admin = await SignedInAsync(DemoUsers.Administrator);
        Assert.Equal(("", "", "", ""), FormOf(await admin.GetStringAsync("/Reports")));

        var refused = await PostFormAsync(admin, [
            new("report", "outcomes"), new("indication", "TN"), new("sites", TwoSites.Own), new("sites", TwoSites.Other),
            new("from", "2024-05-01"), new("to", "2023-12-31"),
        ]);

        var page = await FormHtml.FollowAsync(admin, refused);
        Assert.Contains("Nothing was queued: The first surgery date 2024-05-01 is after the last 2023-12-31.", WebUtility.HtmlDecode(page));
        Assert.Equal(("TN", "BCN,HOU", "2024-05-01", "2023-12-31"), FormOf(page));
        await using (var db = Database.NewContext()) Assert.Equal(0, await db.JobRuns.CountAsync());

        var queued = await PostFormAsync(admin, [new("report", "outcomes"), new("indication", "HFS"), new("sites", TwoSites.Own), new("from", "2020-01-01"), new("to", "")]);

        page = await FormHtml.FollowAsync(admin, queued);
        await using (var db = Database.NewContext())
        {
            var run = await db.JobRuns.SingleAsync();
            Assert.Contains($"Report run {run.Id} queued.", page);
        }
        Assert.Equal(("HFS", "HOU", "2020-01-01", ""), FormOf(page));
    }

    private static Task<HttpResponseMessage> PostFormAsync(HttpClient client, KeyValuePair<string, string>[] fields) =>
        FormHtml.PostAsync(client, "/Reports", "/Reports?handler=Run", fields);
}

public sealed class SqliteReportsPageTests(SqliteTestDatabase database) : ReportsPageTests<SqliteTestDatabase>(database);

public sealed class PostgresReportsPageTests(PostgresTestDatabase database) : ReportsPageTests<PostgresTestDatabase>(database);
