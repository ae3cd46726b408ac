using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MvdRegistry.Application.Statistics;
using MvdRegistry.Application.Statistics.Snapshots;
using MvdRegistry.Core.Model;
using MvdRegistry.IntegrationTests.Infrastructure;
using MvdRegistry.IntegrationTests.Jobs;
using MvdRegistry.Jobs.Hosting;
using MvdRegistry.Jobs.Reports;
using MvdRegistry.Reporting.Demo;
using MvdRegistry.Reporting.Tests.Reports;

namespace MvdRegistry.IntegrationTests.Reports;

/// <summary>The report job on a real Hangfire server: the workbook it writes, the snapshot it stores, and a schedule's retention.</summary>
public abstract class ReportJobTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private async Task ImportReferenceAsync() =>
        Assert.Equal(0, (await CliRun.RunAsync(Database.Configuration, "import", Paths.ReferenceSmall)).ExitCode);

    [Fact]
    public async Task A_report_run_writes_a_workbook_into_the_output_folder_whose_numbers_are_its_stored_snapshots()
    {
        await ImportReferenceAsync();
        await using var server = await JobServer.StartAsync(Database);

        var queued = await server.EnqueueAsync(l => ReportJob.EnqueueAsync(l, new ReportJob.Parameters(ReportJob.Outcomes), "admin"));
        var run = await server.WaitForRunAsync(queued.Id, r => r.IsFinished);

        Assert.True(run.Status == JobRunStatus.Succeeded, run.Error);
        Assert.Equal(("report", "{\"Report\":\"outcomes\",\"Filter\":null,\"ScheduleId\":null}"), (run.Kind, run.Parameters));
        Assert.Equal([run.Output!], Directory.GetFiles(server.OutputFolder));
        Assert.EndsWith($"-run{run.Id}.xlsx", run.Output);
        await using var db = Database.NewContext();
        var stored = await db.StatisticsSnapshots.SingleAsync();
        Assert.Equal(("", "admin", (long?)run.Id), (stored.FilterKey, stored.ComputedBy, stored.RunId));
        var json = JsonNode.Parse(stored.Json)!;
        Assert.Equal((int)json["population"]!["operations"]!, run.Rows);

        using var file = new WorkbookFile(await File.ReadAllBytesAsync(run.Output!));
        var success = json["benefit"]!["HFS"]!["success_1y"]!;
        var row = file.Row("Summary", 2, "Success at 1 year", file.Row("Summary", 1, "Hemifacial spasm (289 operations)"));
        Assert.Equal(success["x"]!.GetValue<double>(), file.Number("Summary", row, 3));
        Assert.Equal(success["n"]!.GetValue<double>(), file.Number("Summary", row, 4));
        Assert.Equal(success["p"]!.GetValue<double>(), file.Number("Summary", row, 5)!.Value, 1e-12);
        Assert.Equal(success["lower"]!.GetValue<double>(), file.Number("Summary", row, 6)!.Value, 1e-12);
        Assert.Equal(success["upper"]!.GetValue<double>(), file.Number("Summary", row, 7)!.Value, 1e-12);
        Assert.Equal(json["funnel"]!["p0"]!.GetValue<double>(), file.Number("Surgeons and sites", file.Row("Surgeons and sites", 1, "Registry rate (p0)"), 4)!.Value, 1e-12);
    }

    [Fact]
    public async Task A_filtered_report_run_stores_and_shows_the_snapshot_of_its_filter()
    {
        await ImportReferenceAsync();
        await using var server = await JobServer.StartAsync(Database);
        var filter = new StatisticsFilter { Indication = "HFS", Sites = ["HOU"], SurgeryFrom = new DateOnly(2012, 1, 1), SurgeryTo = new DateOnly(2018, 12, 31) };

        var queued = await server.EnqueueAsync(l => ReportJob.EnqueueAsync(l, new ReportJob.Parameters(ReportJob.Outcomes, filter), "admin"));
        var run = await server.WaitForRunAsync(queued.Id, r => r.IsFinished);

        Assert.True(run.Status == JobRunStatus.Succeeded, run.Error);
        await using var db = Database.NewContext();
        var stored = await db.StatisticsSnapshots.SingleAsync();
        Assert.Equal("indication=HFS;sites=HOU;surgery-from=2012-01-01;surgery-to=2018-12-31", stored.FilterKey);
        var (from, to) = (new DateOnly(2012, 1, 1), new DateOnly(2018, 12, 31));
        var operations = await db.Operations.CountAsync(o => o.Indication == "HFS" && o.Patient!.SiteCode == "HOU"
            && o.SurgeryDate >= from && o.SurgeryDate <= to && o.Patient!.ConsentStatus != "withdrawn");
        Assert.True(operations is > 10 and < 289);
        Assert.Equal(operations, run.Rows);
        using var file = new WorkbookFile(await File.ReadAllBytesAsync(run.Output!));
        var success = JsonNode.Parse(stored.Json)!["benefit"]!["HFS"]!["success_1y"]!;
        var row = file.Row("Summary", 2, "Success at 1 year", file.Row("Summary", 1, $"Hemifacial spasm ({operations} operations)"));
        Assert.Equal(success["n"]!.GetValue<double>(), file.Number("Summary", row, 4));
        Assert.Equal(success["p"]!.GetValue<double>(), file.Number("Summary", row, 5)!.Value, 1e-12);
    }

    [Fact]
    public async Task A_schedule_keeps_only_its_latest_runs_and_their_files()
    {
        await ImportReferenceAsync();
        await using var server = await JobServer.StartAsync(Database);
        long scheduleId;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<ReportSchedules>().CreateAsync(
                new ScheduleInput("HOU weekly", ReportJob.Outcomes, new StatisticsFilter { Sites = ["HOU"] }, "0 6 * * 1", "UTC", 2), "admin");
            Assert.True(created.Succeeded, string.Join("; ", created.Errors));
            scheduleId = created.Schedule!.Id;
        }
        var oneOff = await server.WaitForRunAsync((await server.EnqueueAsync(l => ReportJob.EnqueueAsync(l, new ReportJob.Parameters(ReportJob.Outcomes), "admin"))).Id, r => r.IsFinished);

        var runs = new List<JobRun>();
        for (var i = 0; i < 3; i++)
        {
            // What the recurring job does when its time comes.
            await using (var scope = server.Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<ScheduledReport>().EnqueueAsync(scheduleId);
            await using var db = Database.NewContext();
            var queued = await db.JobRuns.Where(r => r.Kind == ReportJob.Kind).OrderByDescending(r => r.Id).FirstAsync();
            runs.Add(await server.WaitForRunAsync(queued.Id, r => r.IsFinished));
        }

        Assert.All(runs, r => Assert.Equal((JobRunStatus.Succeeded, ScheduledReport.RequestedBy), (r.Status, r.RequestedBy)));
        await using var check = Database.NewContext();
        var left = await check.JobRuns.Where(r => r.Kind == ReportJob.Kind).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync();
        Assert.Equal([oneOff.Id, runs[1].Id, runs[2].Id], left);
        Assert.False(File.Exists(runs[0].Output));
        Assert.True(File.Exists(runs[1].Output) && File.Exists(runs[2].Output) && File.Exists(oneOff.Output));
        Assert.Equal(3, Directory.GetFiles(server.OutputFolder).Length);
    }

    [Fact]
    public async Task A_run_that_cannot_write_its_file_is_retried_as_configured_then_recorded_as_failed_with_its_error_shown_on_the_reports_page_and_leaves_nothing_behind()
    {
        await ImportReferenceAsync();
        var schema = JobServer.NewSchema();
        var folder = Directory.CreateTempSubdirectory("mvd-reports-").FullName;
        try
        {
            JobRun queued;
            await using (var client = await JobServer.StartAsync(Database, JobHost.Client, schema, outputFolder: folder))
                queued = await client.EnqueueAsync(l => ReportJob.EnqueueAsync(l, new ReportJob.Parameters(ReportJob.Outcomes), "admin"));
            // The run's file name is taken by a folder (today's, and tomorrow's should the test cross midnight): the
            // workbook is written whole to its temporary file, and moving it into place fails on every attempt.
            var today = DateOnly.FromDateTime(DateTime.Now);
            foreach (var day in new[] { today, today.AddDays(1) })
                Directory.CreateDirectory(Path.Combine(folder, $"outcomes-{day:yyyy-MM-dd}-run{queued.Id}.xlsx"));

            await using var server = await JobServer.StartAsync(Database, JobHost.Worker, schema, outputFolder: folder);
            var jobId = queued.HangfireJobId!;
            // ReportJob's [AutomaticRetry(Attempts = 2)]: two retries. Hangfire waits 15 s and more before each;
            // the test requeues each waiting retry at once instead, which keeps its retry count.
            for (var retry = 1; retry <= 2; retry++)
            {
                Assert.Equal(ScheduledState.StateName, await server.WaitForStateAsync(jobId, ScheduledState.StateName));
                var between = await server.RunAsync(queued.Id);
                Assert.Equal((JobRunStatus.Queued, $"Attempt {retry} failed; retrying", (DateTime?)null), (between.Status, between.ProgressText, between.FinishedAt));
                Assert.True(server.Client.Requeue(jobId));
            }
            var run = await server.WaitForRunAsync(queued.Id, r => r.IsFinished);

            Assert.Equal(FailedState.StateName, await server.WaitForStateAsync(jobId, FailedState.StateName));
            Assert.Equal((JobRunStatus.Failed, "Failed after 3 attempts", (string?)null), (run.Status, run.ProgressText, run.Output));
            Assert.NotNull(run.FinishedAt);
            Assert.StartsWith("IOException: ", run.Error);
            Assert.Contains($"run{queued.Id}.xlsx", run.Error);
            // Nothing half-written: no workbook, no temporary file, only the folders the test put there.
            Assert.Empty(Directory.GetFiles(folder, "*", SearchOption.AllDirectories));
            // The snapshot stored by the first attempt, reused by the retries: one, not one per attempt.
            await using (var db = Database.NewContext())
                Assert.Equal(1, await db.StatisticsSnapshots.CountAsync(s => s.RunId == queued.Id));

            await using (var db = Database.NewContext()) await DemoUsers.SeedAsync(db);
            var admin = await SignedInAsync(DemoUsers.Administrator);
            var page = await admin.GetStringAsync("/Reports");
            var row = System.Text.RegularExpressions.Regex.Match(page, $"<tr data-run-id=\"{run.Id}\"[^>]*>(.*?)</tr>", System.Text.RegularExpressions.RegexOptions.Singleline);
            Assert.True(row.Success, "the run is not listed on /Reports");
            Assert.Contains("<td data-field=\"status\">failed</td>", row.Value);
            Assert.Contains($"<td data-field=\"error\" class=\"text-danger text-break\">{HtmlEncoder.Default.Encode(run.Error!)}</td>", row.Value);
            Assert.Contains("Failed after 3 attempts", row.Value);
            Assert.DoesNotContain("handler=Download", row.Value);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_retried_run_reuses_its_snapshot_of_the_same_day_but_computes_anew_on_a_later_day()
    {
        await ImportReferenceAsync();
        var day = new DateOnly(2026, 6, 1);
        const long run = 41;
        static Task Quiet(SnapshotComputation.Progress _) => Task.CompletedTask;
        async Task<StatisticsSnapshot> ComputeAsync(DateOnly asOf)
        {
            await using var db = Database.NewContext();
            return (await SnapshotComputation.ComputeAsync(db, new StatisticsFilter(), asOf, "admin", run, TimeProvider.System, Quiet)).Stored;
        }

        var first = await ComputeAsync(day);
        var sameDay = await ComputeAsync(day);
        var nextDay = await ComputeAsync(day.AddDays(1));

        Assert.Equal(first.Id, sameDay.Id);
        Assert.NotEqual(first.Id, nextDay.Id);
        Assert.Equal(day.AddDays(1), nextDay.AsOf);
        await using var check = Database.NewContext();
        Assert.Equal([day, day.AddDays(1)], await check.StatisticsSnapshots.Where(s => s.RunId == run).OrderBy(s => s.Id).Select(s => s.AsOf).ToListAsync());
    }

    [Fact]
    public async Task A_run_whose_recorded_output_lies_outside_the_output_folder_has_no_file_to_serve()
    {
        var folder = Directory.CreateTempSubdirectory("mvd-reports-").FullName;
        var inside = Path.Combine(folder, "outcomes.xlsx");
        await File.WriteAllTextAsync(inside, "x");
        var outside = Path.Combine(Path.GetTempPath(), $"mvd-outside-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllTextAsync(outside, "x");
        try
        {
            var options = new JobsOptions { OutputFolder = folder };
            JobRun Run(string output, string status = JobRunStatus.Succeeded) => new() { Kind = ReportJob.Kind, Status = status, Output = output };
            Assert.Equal(inside, ReportJob.FileOf(Run(inside), options));
            Assert.Null(ReportJob.FileOf(Run(outside), options));
            Assert.Null(ReportJob.FileOf(Run(Path.Combine(folder, "..", Path.GetFileName(outside))), options));
            Assert.Null(ReportJob.FileOf(Run(inside, JobRunStatus.Failed), options));
            Assert.Null(ReportJob.FileOf(Run(Path.Combine(folder, "missing.xlsx")), options));
        }
        finally
        {
            File.Delete(outside);
            Directory.Delete(folder, recursive: true);
        }
    }
}

[Collection(HangfireHosts.Name)]
public sealed class SqliteReportJobTests(SqliteTestDatabase database) : ReportJobTests<SqliteTestDatabase>(database);

[Collection(HangfireHosts.Name)]
public sealed class PostgresReportJobTests(PostgresTestDatabase database) : ReportJobTests<PostgresTestDatabase>(database);
