using Hangfire.Common;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MvdRegistry.Application.Statistics;
using MvdRegistry.Core.Model;
using MvdRegistry.IntegrationTests.Infrastructure;
using MvdRegistry.IntegrationTests.Jobs;
using MvdRegistry.Jobs.Hosting;
using MvdRegistry.Jobs.Reports;

namespace MvdRegistry.IntegrationTests.Schedules;

/// <summary>Report schedules: what is refused, the times shown, and their Hangfire recurring jobs across edits and restarts.</summary>
public abstract class ScheduleTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private const string Quarterly = "0 6 1 1,4,7,10 *";

    private static ScheduleInput Input(string name = "Quarterly outcomes", string cron = Quarterly, string zone = "Europe/Madrid", int keep = 4, StatisticsFilter? filter = null) =>
        new(name, ReportJob.Outcomes, filter ?? new StatisticsFilter(), cron, zone, keep);

    private static async Task<ReportSchedules.Result> DoAsync(JobServer server, Func<ReportSchedules, Task<ReportSchedules.Result>> action)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ReportSchedules>());
    }

    private static List<RecurringJobDto> Recurring(JobServer server)
    {
        using var connection = server.Storage.GetConnection();
        return connection.GetRecurringJobs().Where(j => j.Id.StartsWith(ScheduledReport.RecurringJobPrefix, StringComparison.Ordinal)).ToList();
    }

    [Fact]
    public async Task A_new_schedule_is_stored_and_is_a_recurring_job_of_its_cron_in_its_time_zone()
    {
        await using var server = await JobServer.StartAsync(Database);

        var result = await DoAsync(server, s => s.CreateAsync(Input(filter: new StatisticsFilter { Indication = "HFS", SurgeryFrom = new DateOnly(2020, 1, 1) }), "admin"));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        await using var db = Database.NewContext();
        var stored = await db.ReportSchedules.SingleAsync();
        Assert.Equal(("Quarterly outcomes", "outcomes", "HFS", "", new DateOnly(2020, 1, 1), (DateOnly?)null, Quarterly, "Europe/Madrid", 4, false, "admin", 1),
            (stored.Name, stored.ReportKind, stored.Indication, stored.Sites, stored.SurgeryFrom, stored.SurgeryTo, stored.Cron, stored.TimeZone, stored.RunsToKeep, stored.Paused, stored.CreatedBy, stored.Version));
        var job = Assert.Single(Recurring(server));
        Assert.Equal(($"report-schedule-{stored.Id}", Quarterly, "Europe/Madrid"), (job.Id, job.Cron, job.TimeZoneId));
        Assert.Equal(nameof(ScheduledReport), job.Job.Type.Name);
        Assert.Equal([stored.Id], job.Job.Args);
    }

    public static TheoryData<string, string, string, int, string> BadInputs => new()
    {
        { "Quarterly", "61 6 1 * *", "Europe/Madrid", 4, "'61 6 1 * *' is not a cron expression of five fields" },
        { "Quarterly", "every quarter", "Europe/Madrid", 4, "'every quarter' is not a cron expression of five fields" },
        { "Quarterly", "0 0 6 1 1,4,7,10 *", "Europe/Madrid", 4, "is not a cron expression of five fields" },
        { "Quarterly", "", "Europe/Madrid", 4, "The cron expression is required" },
        { "Quarterly", Quarterly, "Mars/Olympus_Mons", 4, "'Mars/Olympus_Mons' is not an IANA time zone id" },
        { "Quarterly", Quarterly, "", 4, "The time zone is required" },
        { "Quarterly", Quarterly, "Europe/Madrid", 0, "Runs to keep must be between 1 and 1000 (it is 0)" },
        { "Quarterly", Quarterly, "Europe/Madrid", -3, "Runs to keep must be between 1 and 1000 (it is -3)" },
        { "   ", Quarterly, "Europe/Madrid", 4, "The name is required." },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task A_bad_schedule_is_refused_with_a_clear_message_and_nothing_is_written(string name, string cron, string zone, int keep, string message)
    {
        await using var server = await JobServer.StartAsync(Database);

        var result = await DoAsync(server, s => s.CreateAsync(Input(name, cron, zone, keep), "admin"));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Contains(message, StringComparison.Ordinal));
        await using var db = Database.NewContext();
        Assert.Equal(0, await db.ReportSchedules.CountAsync());
        Assert.Empty(Recurring(server));
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task A_bad_edit_is_refused_with_a_clear_message_and_changes_nothing(string name, string cron, string zone, int keep, string message)
    {
        await using var server = await JobServer.StartAsync(Database);
        var created = (await DoAsync(server, s => s.CreateAsync(Input(), "admin"))).Schedule!;

        var result = await DoAsync(server, s => s.UpdateAsync(created.Id, created.Version, Input(name, cron, zone, keep), default));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Contains(message, StringComparison.Ordinal));
        await using var db = Database.NewContext();
        var stored = await db.ReportSchedules.SingleAsync();
        Assert.Equal(("Quarterly outcomes", Quarterly, "Europe/Madrid", 4, 1), (stored.Name, stored.Cron, stored.TimeZone, stored.RunsToKeep, stored.Version));
        var job = Assert.Single(Recurring(server));
        Assert.Equal((Quarterly, "Europe/Madrid"), (job.Cron, job.TimeZoneId));
    }

    [Fact]
    public async Task Unknown_sites_a_second_schedule_of_the_same_name_and_an_indication_not_in_the_registry_are_refused()
    {
        await using var server = await JobServer.StartAsync(Database);
        Assert.True((await DoAsync(server, s => s.CreateAsync(Input(), "admin"))).Succeeded);

        var sites = await DoAsync(server, s => s.CreateAsync(Input("Site", filter: new StatisticsFilter { Sites = ["NOWHERE"] }), "admin"));
        var twice = await DoAsync(server, s => s.CreateAsync(Input(), "admin"));
        var indication = await DoAsync(server, s => s.CreateAsync(Input("Other", filter: new StatisticsFilter { Indication = "XYZ" }), "admin"));

        Assert.Contains("Unknown site 'NOWHERE'", Assert.Single(sites.Errors));
        Assert.Equal("A schedule named 'Quarterly outcomes' exists already.", Assert.Single(twice.Errors));
        Assert.Equal("'XYZ' is not an indication: HFS, TN, GPN.", Assert.Single(indication.Errors));
        await using var db = Database.NewContext();
        Assert.Equal(1, await db.ReportSchedules.CountAsync());
    }

    [Fact]
    public async Task An_edit_of_a_schedule_changed_since_it_was_read_is_refused()
    {
        await using var server = await JobServer.StartAsync(Database);
        var created = (await DoAsync(server, s => s.CreateAsync(Input(), "admin"))).Schedule!;
        Assert.True((await DoAsync(server, s => s.UpdateAsync(created.Id, 1, Input(cron: "0 7 * * 1"), default))).Succeeded);

        var stale = await DoAsync(server, s => s.UpdateAsync(created.Id, 1, Input(cron: "0 8 * * 1"), default));

        Assert.Contains("was changed by someone else meanwhile", Assert.Single(stale.Errors));
        await using var db = Database.NewContext();
        var stored = await db.ReportSchedules.SingleAsync();
        Assert.Equal(("0 7 * * 1", 2), (stored.Cron, stored.Version));
        Assert.Equal("0 7 * * 1", Assert.Single(Recurring(server)).Cron);
    }

    [Fact]
    public void The_next_three_times_are_those_of_the_schedules_time_zone_across_summer_time()
    {
        // Written out by hand: the first day of each quarter at 06:00 in Madrid (CET +01:00 in winter, CEST +02:00 in summer).
        // DateTimeOffset compares instants only: the local time and its offset are compared here.
        Assert.Equal(
            [
                (new DateTime(2027, 1, 1, 6, 0, 0), TimeSpan.FromHours(1)),
                (new DateTime(2027, 4, 1, 6, 0, 0), TimeSpan.FromHours(2)),
                (new DateTime(2027, 7, 1, 6, 0, 0), TimeSpan.FromHours(2)),
            ],
            ScheduleTimes.Next(Quarterly, "Europe/Madrid", new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero)).Select(t => (t.DateTime, t.Offset)));
        // Mondays at 09:30 in New York (EST -05:00, EDT -04:00 from 14 March 2027).
        Assert.Equal(
            [
                (new DateTime(2027, 3, 8, 9, 30, 0), TimeSpan.FromHours(-5)),
                (new DateTime(2027, 3, 15, 9, 30, 0), TimeSpan.FromHours(-4)),
                (new DateTime(2027, 3, 22, 9, 30, 0), TimeSpan.FromHours(-4)),
            ],
            ScheduleTimes.Next("30 9 * * 1", "America/New_York", new DateTimeOffset(2027, 3, 3, 0, 0, 0, TimeSpan.Zero)).Select(t => (t.DateTime, t.Offset)));
    }

    [Fact]
    public async Task Pausing_removes_the_recurring_job_at_once_resuming_adds_it_and_deleting_removes_it_and_the_schedule()
    {
        await using var server = await JobServer.StartAsync(Database);
        var created = (await DoAsync(server, s => s.CreateAsync(Input(), "admin"))).Schedule!;

        var paused = await DoAsync(server, s => s.SetPausedAsync(created.Id, 1, paused: true));
        Assert.True(paused.Succeeded);
        Assert.Empty(Recurring(server));

        var resumed = await DoAsync(server, s => s.SetPausedAsync(created.Id, 2, paused: false));
        Assert.True(resumed.Succeeded);
        Assert.Single(Recurring(server));

        var deleted = await DoAsync(server, s => s.DeleteAsync(created.Id, 3));
        Assert.True(deleted.Succeeded);
        Assert.Empty(Recurring(server));
        await using var db = Database.NewContext();
        Assert.Equal(0, await db.ReportSchedules.CountAsync());
    }

    [Fact]
    public async Task After_a_restart_every_active_schedule_is_a_recurring_job_again_and_paused_or_deleted_ones_are_not()
    {
        var schema = JobServer.NewSchema();
        long active, paused, deleted;
        await using (var first = await JobServer.StartAsync(Database, JobHost.Worker, schema))
        {
            active = (await DoAsync(first, s => s.CreateAsync(Input("Active"), "admin"))).Schedule!.Id;
            paused = (await DoAsync(first, s => s.CreateAsync(Input("Paused"), "admin"))).Schedule!.Id;
            deleted = (await DoAsync(first, s => s.CreateAsync(Input("Deleted"), "admin"))).Schedule!.Id;
            Assert.Equal(3, Recurring(first).Count);
        }
        // Changed while no server ran (another host, or by hand): the next start follows the database.
        await using (var db = Database.NewContext())
        {
            (await db.ReportSchedules.SingleAsync(s => s.Id == paused)).Paused = true;
            db.ReportSchedules.Remove(await db.ReportSchedules.SingleAsync(s => s.Id == deleted));
            await db.SaveChangesAsync();
        }

        await using var second = await JobServer.StartAsync(Database, JobHost.Worker, schema);
        Assert.Equal([$"report-schedule-{active}"], Recurring(second).Select(j => j.Id));

        // A fresh Hangfire storage (its tables lost, another schema): the schedule is registered from the registry database alone.
        await using var fresh = await JobServer.StartAsync(Database, JobHost.Worker);
        var job = Assert.Single(Recurring(fresh));
        Assert.Equal(($"report-schedule-{active}", Quarterly, "Europe/Madrid"), (job.Id, job.Cron, job.TimeZoneId));

        Assert.True((await DoAsync(fresh, s => s.DeleteAsync(active, 1))).Succeeded);
        Assert.Empty(Recurring(fresh));
    }

    [Fact]
    public async Task A_schedule_whose_slots_were_missed_while_no_server_ran_runs_once_when_a_server_starts()
    {
        var schema = JobServer.NewSchema();
        var folder = Directory.CreateTempSubdirectory("mvd-reports-").FullName;
        try
        {
            // Daily at a time twelve hours from now, so that no slot falls due during the test.
            var start = DateTime.UtcNow;
            var next = start.AddHours(12);
            next = new DateTime(next.Year, next.Month, next.Day, next.Hour, next.Minute, 0, DateTimeKind.Utc);
            var cron = $"{next.Minute} {next.Hour} * * *";
            long id;
            await using (var client = await JobServer.StartAsync(Database, JobHost.Client, schema, outputFolder: folder))
            {
                id = (await DoAsync(client, s => s.CreateAsync(Input("Daily", cron, "UTC", keep: 10), "admin"))).Schedule!.Id;
                // Its last run six days before its next slot, as if every server had been down since: the five
                // daily slots in between were missed. Written where Hangfire keeps a recurring job's times.
                var last = next.AddDays(-6);
                using var connection = client.Storage.GetConnection();
                using var transaction = connection.CreateWriteTransaction();
                transaction.SetRangeInHash($"recurring-job:report-schedule-{id}", new Dictionary<string, string>
                {
                    ["LastExecution"] = JobHelper.SerializeDateTime(last),
                    ["NextExecution"] = JobHelper.SerializeDateTime(last.AddDays(1)),
                });
                transaction.AddToSet("recurring-jobs", $"report-schedule-{id}", JobHelper.ToTimestamp(last.AddDays(1)));
                transaction.Commit();
            }

            await using var server = await JobServer.StartAsync(Database, JobHost.Worker, schema, outputFolder: folder);
            var first = await WaitForAsync(async () =>
            {
                await using var db = Database.NewContext();
                return await db.JobRuns.AsNoTracking().Where(r => r.Kind == ReportJob.Kind).OrderBy(r => r.Id).FirstOrDefaultAsync();
            }, r => r is not null, "the schedule's first report run");
            var run = await server.WaitForRunAsync(first!.Id, r => r.IsFinished);
            // Whatever else the missed slots queued has run by now: wait until Hangfire has nothing left to do.
            var monitor = server.Storage.GetMonitoringApi();
            await WaitForAsync(() => Task.FromResult(monitor.GetStatistics()), s => s is { Enqueued: 0, Processing: 0, Scheduled: 0 }, "Hangfire to be idle");

            Assert.True(run.Status == JobRunStatus.Succeeded, run.Error);
            await using (var db = Database.NewContext())
            {
                var runs = await db.JobRuns.AsNoTracking().Where(r => r.Kind == ReportJob.Kind).ToListAsync();
                Assert.Equal([(run.Id, ScheduledReport.RequestedBy)], runs.Select(r => (r.Id, r.RequestedBy)));
            }
            Assert.Equal([run.Output!], Directory.GetFiles(folder));
            Assert.Equal(2, monitor.SucceededListCount()); // the one job the recurring job queued, and the report run it queued
            var job = Assert.Single(Recurring(server));
            Assert.True(job.LastExecution >= start.AddSeconds(-1), $"last execution {job.LastExecution:O}, the test started {start:O}");
            Assert.Equal(next, job.NextExecution);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + JobServer.Timeout;
        var last = await read();
        while (!done(last))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"waited {JobServer.Timeout.TotalSeconds} s for {what}; last seen: {last}");
            await Task.Delay(200);
            last = await read();
        }
        return last;
    }
}

[Collection(HangfireHosts.Name)]
public sealed class SqliteScheduleTests(SqliteTestDatabase database) : ScheduleTests<SqliteTestDatabase>(database);

[Collection(HangfireHosts.Name)]
public sealed class PostgresScheduleTests(PostgresTestDatabase database) : ScheduleTests<PostgresTestDatabase>(database);
