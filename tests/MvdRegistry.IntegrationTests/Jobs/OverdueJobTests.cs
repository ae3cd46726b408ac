using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MvdRegistry.Application.Scheduling;
using MvdRegistry.Core.Model;
using MvdRegistry.IntegrationTests.Infrastructure;
using MvdRegistry.Jobs.FollowUps;
using MvdRegistry.Jobs.Hosting;
using MvdRegistry.Jobs.Statistics;

namespace MvdRegistry.IntegrationTests.Jobs;

/// <summary>
/// The daily overdue follow-ups job on real Hangfire servers: the lists it stores against a selection
/// made here from the reference registry, its repeats, its recurring registration and its cancellation.
/// </summary>
public abstract class OverdueJobTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    /// <summary>Every stored column but when it was computed: what two runs must agree on.</summary>
    private sealed record Row(string CaseId, string Site, string PatientId, string? Surgeon, int FirstMissed, int LatestMissed,
        DateOnly LatestMissedDate, DateOnly LastSeen, bool SeenAtVisit);

    protected override async Task SeedAsync() =>
        Assert.Equal(0, (await CliRun.RunAsync(Database.Configuration, "import", Paths.ReferenceSmall)).ExitCode);

    private async Task<List<Row>> StoredAsync()
    {
        await using var db = Database.NewContext();
        return (await db.OverdueOperations.AsNoTracking().ToListAsync())
            .Select(r => new Row(r.CaseId, r.SiteCode, r.PatientId, r.SurgeonCode, r.FirstMissedDay, r.LatestMissedDay, r.LatestMissedDate, r.LastSeen, r.SeenAtVisit))
            .OrderBy(r => r.CaseId, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// OUTCOMES.md item 9 written out here, apart from the registry's code: visits are due 30, 91, 182,
    /// 365 days and yearly to 5 years after surgery; a visit counts for a target from 14 days before it;
    /// the next target is overdue more than 30 days after it; nobody is chased after a death or a
    /// withdrawal of consent. The latest missed target is the last one, from the next on, more than 30 days past.
    /// </summary>
    private async Task<List<Row>> ExpectedAsync(DateOnly today)
    {
        int[] targets = [30, 91, 182, 365, 730, 1095, 1460, 1825];
        await using var db = Database.NewContext();
        var operations = await db.Operations.AsNoTracking().Include(o => o.Patient).Include(o => o.FollowUps).Include(o => o.Complications).ToListAsync();
        var rows = new List<Row>();
        foreach (var o in operations)
        {
            if (o.SurgeryDate is not { } surgery || o.Patient!.ConsentStatus == "withdrawn" || o.Complications.Any(c => c.ComplicationType == "death")) continue;
            var last = o.FollowUps.Where(f => f.VisitDate is not null).Select(f => f.VisitDate!.Value).DefaultIfEmpty().Max();
            var seen = last == default ? (DateOnly?)null : last;
            var lastDay = seen is { } v ? v.DayNumber - surgery.DayNumber : 0;
            var next = targets.Where(t => t > lastDay + 14).DefaultIfEmpty(0).First();
            if (next == 0 || today.DayNumber - surgery.AddDays(next).DayNumber <= 30) continue;
            var latest = targets.Where(t => t >= next && today.DayNumber - surgery.AddDays(t).DayNumber > 30).Max();
            rows.Add(new Row(o.CaseId, o.Patient.SiteCode!, o.PatientId, o.SurgeonCode, next, latest, surgery.AddDays(latest), seen ?? surgery, seen is not null));
        }
        return rows.OrderBy(r => r.CaseId, StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task The_stored_lists_are_exactly_the_operations_overdue_by_the_schedule_and_the_run_is_recorded()
    {
        await using var server = await JobServer.StartAsync(Database);

        var queued = await server.EnqueueAsync(l => OverdueJob.EnqueueAsync(l, "admin"));
        var run = await server.WaitForRunAsync(queued.Id, r => r.IsFinished);

        var expected = await ExpectedAsync(Today.Of(TimeProvider.System));
        Assert.Equal(JobRunStatus.Succeeded, run.Status);
        Assert.True(expected.Count > 50, $"the reference registry has {expected.Count} overdue operations");
        Assert.True(expected.Select(r => r.Site).Distinct().Count() > 1);
        Assert.Equal(expected, await StoredAsync());
        await using var db = Database.NewContext();
        var sites = await db.Sites.Select(s => s.Code).OrderBy(c => c).ToListAsync();
        var lists = await db.OverdueSiteLists.AsNoTracking().OrderBy(l => l.SiteCode).ToListAsync();
        Assert.Equal(sites, lists.Select(l => l.SiteCode));
        Assert.All(lists, l => Assert.Equal(("admin", (long?)run.Id, Today.Of(TimeProvider.System)), (l.ComputedBy, l.RunId, l.AsOf)));
        Assert.Equal((OverdueJob.Kind, "{}", expected.Count, OverdueJob.OutputOf(sites.Count), 100), (run.Kind, run.Parameters, run.Rows, run.Output, run.ProgressPercent));
        Assert.Null(run.Error);
    }

    [Fact]
    public async Task A_second_run_stores_the_same_rows()
    {
        await using var server = await JobServer.StartAsync(Database);
        var first = await server.WaitForRunAsync((await server.EnqueueAsync(l => OverdueJob.EnqueueAsync(l, "admin"))).Id, r => r.IsFinished);
        var afterFirst = await StoredAsync();

        var second = await server.WaitForRunAsync((await server.EnqueueAsync(l => OverdueJob.EnqueueAsync(l, "admin"))).Id, r => r.IsFinished);

        Assert.Equal((JobRunStatus.Succeeded, JobRunStatus.Succeeded), (first.Status, second.Status));
        Assert.NotEmpty(afterFirst);
        Assert.Equal(afterFirst, await StoredAsync());
        Assert.Equal(first.Rows, second.Rows);
        await using var db = Database.NewContext();
        Assert.All(await db.OverdueSiteLists.ToListAsync(), l => Assert.Equal(second.Id, l.RunId));
    }

    [Fact]
    public async Task The_daily_job_is_registered_with_the_configured_cron_and_queues_a_run_asked_for_by_the_schedule()
    {
        await using var server = await JobServer.StartAsync(Database, settings: new Dictionary<string, string?> { ["Jobs:OverdueCron"] = "15 3 * * *" });

        List<RecurringJobDto> recurring;
        using (var connection = server.Storage.GetConnection()) recurring = connection.GetRecurringJobs();
        var daily = Assert.Single(recurring, j => j.Id == DailyOverdue.RecurringJobId);
        Assert.Equal("15 3 * * *", daily.Cron);
        Assert.Equal(typeof(DailyOverdue), daily.Job.Type);

        server.Services.GetRequiredService<IRecurringJobManager>().Trigger(DailyOverdue.RecurringJobId);
        await using var db = Database.NewContext();
        var deadline = DateTime.UtcNow + JobServer.Timeout;
        JobRun? run;
        while ((run = await db.JobRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Kind == OverdueJob.Kind && r.Status == JobRunStatus.Succeeded)) is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "the triggered daily job queued no run that succeeded");
            await Task.Delay(200);
        }
        Assert.Equal(DailyOverdue.RequestedBy, run.RequestedBy);
        Assert.Equal(await ExpectedAsync(Today.Of(TimeProvider.System)), await StoredAsync());
    }

    [Fact]
    public async Task An_empty_cron_removes_the_daily_job()
    {
        await using (await JobServer.StartAsync(Database, schema: "hangfire_overdue_cron", settings: new Dictionary<string, string?> { ["Jobs:OverdueCron"] = "0 1 * * *" }))
        {
        }
        await using var server = await JobServer.StartAsync(Database, schema: "hangfire_overdue_cron", settings: new Dictionary<string, string?> { ["Jobs:OverdueCron"] = "" });

        using var connection = server.Storage.GetConnection();
        Assert.DoesNotContain(connection.GetRecurringJobs(), j => j.Id == DailyOverdue.RecurringJobId);
        Assert.Contains(connection.GetRecurringJobs(), j => j.Id == NightlyStatistics.RecurringJobId);
    }

    [Fact]
    public async Task A_cancelled_run_stores_no_list()
    {
        await using var server = await JobServer.StartAsync(Database, JobHost.Client);
        var run = new JobRun { Kind = OverdueJob.Kind, Parameters = "{}", RequestedBy = "admin", Status = JobRunStatus.Queued, QueuedAt = DateTime.UtcNow };
        await Database.InsertAsync(run);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await using (var scope = server.Services.CreateAsyncScope())
        {
            var job = scope.ServiceProvider.GetRequiredService<OverdueJob>();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => job.RunAsync(run.Id, null, cancelled.Token));
        }

        await using var db = Database.NewContext();
        Assert.Empty(await db.OverdueSiteLists.ToListAsync());
        Assert.Empty(await db.OverdueOperations.ToListAsync());
        var recorded = await db.JobRuns.SingleAsync(r => r.Id == run.Id);
        Assert.Equal(JobRunStatus.Queued, recorded.Status);
        Assert.Null(recorded.Rows);
    }

    [Fact]
    public async Task An_import_that_changes_records_drops_the_stored_lists_and_one_that_changes_nothing_keeps_them()
    {
        await using (var db = Database.NewContext())
        {
            var store = new OverdueListStore(db, TimeProvider.System);
            foreach (var site in await db.Sites.Select(s => s.Code).ToListAsync()) await store.ReplaceSiteAsync(site, "admin", null, default);
        }
        var stored = await StoredAsync();

        Assert.Equal(0, (await CliRun.RunAsync(Database.Configuration, "import", Paths.ReferenceSmall)).ExitCode);
        Assert.Equal(stored, await StoredAsync());

        using var bundle = BundleFolder.CopyOf(Paths.ReferenceSmall);
        bundle.Set("cases.csv", "C07000001", "duration_min", "181");
        Assert.Equal(0, (await CliRun.RunAsync(Database.Configuration, "import", bundle.Path)).ExitCode);

        await using var check = Database.NewContext();
        Assert.NotEmpty(stored);
        Assert.Empty(await check.OverdueOperations.ToListAsync());
        Assert.Empty(await check.OverdueSiteLists.ToListAsync());
    }
}

public sealed class SqliteOverdueJobTests(SqliteTestDatabase database) : OverdueJobTests<SqliteTestDatabase>(database);

public sealed class PostgresOverdueJobTests(PostgresTestDatabase database) : OverdueJobTests<PostgresTestDatabase>(database);
