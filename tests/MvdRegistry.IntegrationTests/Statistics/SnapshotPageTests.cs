using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Application.Statistics;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Statistics.Snapshot;
using MvdRegistry.IntegrationTests.Infrastructure;
using MvdRegistry.IntegrationTests.Lists;
using MvdRegistry.Jobs.Statistics;
using MvdRegistry.Reporting.Demo;

namespace MvdRegistry.IntegrationTests.Statistics;

/// <summary>
/// /Statistics shows stored snapshots: stamped, said to be stale when the data changed, and "Compute
/// now" queues one statistics run per filter. The test web host runs no Hangfire server, so queued runs stay queued.
/// </summary>
public abstract class SnapshotPageTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    protected override Task SeedAsync() => TwoSites.SeedAsync(Database);

    private static async Task<HttpResponseMessage> ComputeAsync(HttpClient client, string query, params (string Name, string Value)[] fields)
    {
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        form.Add(new("__RequestVerificationToken", RegistryWebFactory.AntiforgeryToken(await client.GetStringAsync("/Statistics" + query))));
        return await client.PostAsync("/Statistics?handler=Compute", new FormUrlEncodedContent(form));
    }

    private async Task<List<JobRun>> StatisticsRunsAsync() =>
        await Database.ExecuteAsync(db => db.JobRuns.AsNoTracking().Where(r => r.Kind == StatisticsJob.Kind).OrderBy(r => r.Id).ToListAsync());

    [Fact]
    public async Task Without_a_snapshot_the_page_says_so_and_Compute_now_queues_one_run_of_the_whole_registry()
    {
        var client = await SignedInAsync(DemoUsers.Researcher);

        var empty = ListPages.Text(await client.GetStringAsync("/Statistics"));
        Assert.Contains("No statistics have been computed yet.", empty);
        Assert.DoesNotContain("operations analysed", empty);

        var response = await ComputeAsync(client, "");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var run = Assert.Single(await StatisticsRunsAsync());
        Assert.Equal((DemoUsers.Researcher, JobRunStatus.Queued), (run.RequestedBy, run.Status));
        Assert.Null(JsonSerializer.Deserialize<StatisticsJob.Parameters>(run.Parameters)!.Filter);

        var waiting = await client.GetStringAsync("/Statistics");
        Assert.Contains($"id=\"snapshot-progress\" data-run-id=\"{run.Id}\"", waiting);
        Assert.DoesNotContain("id=\"snapshot-compute\"", waiting);

        // A second click joins the run already queued.
        await ComputeAsync(client, "");
        Assert.Single(await StatisticsRunsAsync());
    }

    [Fact]
    public async Task The_latest_snapshot_is_shown_stamped_and_said_to_be_stale_once_the_data_changes()
    {
        await Database.SnapshotAsync();
        var client = await SignedInAsync(DemoUsers.Researcher);

        var fresh = ListPages.Text(await client.GetStringAsync("/Statistics"));
        var today = DateTime.UtcNow.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"Data as of {today} · computed {today}", fresh);
        Assert.Contains("by test", fresh);
        Assert.Contains("2 operations analysed", fresh);
        Assert.DoesNotContain("The data has changed", fresh);

        await Database.SeedAsync(new Seed().Patient("P-NEW", TwoSites.Own, "HOU0000099"));

        var stale = ListPages.Text(await client.GetStringAsync("/Statistics"));
        Assert.Contains("The data has changed since these statistics were computed", stale);
        Assert.Contains("2 operations analysed", stale);
    }

    [Fact]
    public async Task A_new_snapshot_is_shown_at_its_first_view_though_the_previous_one_is_kept_between_views()
    {
        await Database.SnapshotAsync();
        var client = await SignedInAsync(DemoUsers.Researcher);
        Assert.Contains("2 operations analysed", ListPages.Text(await client.GetStringAsync("/Statistics")));
        Assert.Contains("2 operations analysed", ListPages.Text(await client.GetStringAsync("/Statistics")));

        await Database.SeedAsync(new Seed().Patient("P-NEW", TwoSites.Own, "HOU0000099").HfsOperation("C-NEW", "P-NEW", $"{TwoSites.Own}-01"));
        await Database.SnapshotAsync();

        var page = ListPages.Text(await client.GetStringAsync("/Statistics"));
        Assert.Contains("3 operations analysed", page);
        Assert.DoesNotContain("The data has changed", page);
    }

    [Fact]
    public async Task A_snapshot_stored_under_a_reused_id_is_read_anew()
    {
        // A rebuilt database numbers its snapshots from 1 again: the page must not show the values kept for the old one.
        await Database.SnapshotAsync();
        var client = await SignedInAsync(DemoUsers.Researcher);
        var first = await Database.ExecuteAsync(db => db.StatisticsSnapshots.AsNoTracking().SingleAsync());
        Assert.Contains("2 operations analysed", ListPages.Text(await client.GetStringAsync("/Statistics")));

        var statistics = RegistrySnapshot.FromJson(first.Json);
        var changed = new RegistrySnapshot
        {
            Population = statistics.Population with { Operations = 7 },
            Benefit = statistics.Benefit, Complications = statistics.Complications, KaplanMeier = statistics.KaplanMeier,
            LogrankLsr = statistics.LogrankLsr, Logistic = statistics.Logistic, Strata = statistics.Strata, Funnel = statistics.Funnel,
            Completeness = statistics.Completeness,
        };
        await Database.ExecuteAsync(async db =>
        {
            db.StatisticsSnapshots.Remove(first);
            await db.SaveChangesAsync();
            db.StatisticsSnapshots.Add(new StatisticsSnapshot
            {
                Id = first.Id, FilterKey = first.FilterKey, AsOf = first.AsOf, ComputedAt = first.ComputedAt.AddSeconds(1),
                ComputedBy = first.ComputedBy, Fingerprint = first.Fingerprint, Json = changed.ToJson(), MissingJson = first.MissingJson,
            });
            await db.SaveChangesAsync();
        });

        Assert.Contains("7 operations analysed", ListPages.Text(await client.GetStringAsync("/Statistics")));
    }

    [Fact]
    public async Task A_filter_without_a_snapshot_over_the_current_data_is_computed_by_a_run_of_that_filter()
    {
        await Database.SnapshotAsync(new StatisticsFilter { Sites = [TwoSites.Own] });
        await Database.SeedAsync(new Seed().Patient("P-NEW", TwoSites.Own, "HOU0000099"));
        var client = await SignedInAsync(DemoUsers.Administrator);

        var page = ListPages.Text(await client.GetStringAsync("/Statistics?sites=HOU&indication=HFS"));
        Assert.Contains("These filters have not been computed over the current data yet.", page);
        Assert.DoesNotContain("operations analysed", page);

        await ComputeAsync(client, "?sites=HOU&indication=HFS", ("indication", "HFS"), ("sites", "HOU"), ("from", ""), ("to", ""));

        var run = Assert.Single(await StatisticsRunsAsync());
        var filter = JsonSerializer.Deserialize<StatisticsJob.Parameters>(run.Parameters)!.Filter!;
        Assert.Equal("indication=HFS;sites=HOU", filter.Key());
        Assert.Contains($"data-run-id=\"{run.Id}\"", await client.GetStringAsync("/Statistics?sites=HOU&indication=HFS"));
        // Another filter is not that run's.
        Assert.Contains("These filters have not been computed", ListPages.Text(await client.GetStringAsync("/Statistics?sites=HOU")));
    }

    [Fact]
    public async Task The_progress_handler_answers_for_statistics_runs_only()
    {
        var client = await SignedInAsync(DemoUsers.Researcher);
        await ComputeAsync(client, "");
        var run = Assert.Single(await StatisticsRunsAsync());
        var other = new JobRun { Kind = "export", Parameters = "{}", RequestedBy = DemoUsers.Researcher, QueuedAt = DateTime.UtcNow };
        await Database.InsertAsync(other);

        var progress = JsonDocument.Parse(await client.GetStringAsync($"/Statistics?handler=Progress&id={run.Id}")).RootElement;
        Assert.Equal((run.Id, "queued", false), (progress.GetProperty("id").GetInt64(), progress.GetProperty("status").GetString(), progress.GetProperty("finished").GetBoolean()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Statistics?handler=Progress&id={other.Id}")).StatusCode);
    }
}

public sealed class SqliteSnapshotPageTests(SqliteTestDatabase database) : SnapshotPageTests<SqliteTestDatabase>(database);

public sealed class PostgresSnapshotPageTests(PostgresTestDatabase database) : SnapshotPageTests<PostgresTestDatabase>(database);
