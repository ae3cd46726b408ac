using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Application.Statistics;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Outcomes;
using MvdRegistry.Data;
using MvdRegistry.IntegrationTests.Infrastructure;
using MvdRegistry.IntegrationTests.Lists;
using MvdRegistry.Jobs.Statistics;
using MvdRegistry.Reporting.Demo;
using MvdRegistry.Web.Pages.Statistics;

namespace MvdRegistry.IntegrationTests.Statistics;

/// <summary>/Statistics/Mine: a surgeon's own outcomes beside the registry's, on the reference registry.</summary>
public abstract class MyOutcomesPageTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private const string Surgeon = "HOU-S1";
    private const string UserName = "surgeon.hou1";

    public override async Task InitializeAsync()
    {
        await Database.ResetAsync();
        await ListPages.ImportReferenceOnceAsync(Database);
        await Database.SeedAsync(new Seed().SurgeonUser(UserName, "Houston surgeon 1", Surgeon, "HOU"));
    }

    private async Task<List<JobRun>> StatisticsRunsAsync() =>
        await Database.ExecuteAsync(db => db.JobRuns.AsNoTracking().Where(r => r.Kind == StatisticsJob.Kind).ToListAsync());

    /// <summary>This surgeon's analysed operations, derived by Core from a full load (not through the statistics filter).</summary>
    private async Task<List<OperationOutcome>> OwnOutcomesAsync()
    {
        await using var db = Database.NewContext();
        var data = await RegistryLoader.LoadAsync(db);
        return data.Operations.Where(o => o.SurgeonCode == Surgeon && o.Patient!.ConsentStatus != Codes.Withdrawn)
            .Select(OutcomeDerivation.Derive).ToList();
    }

    [Fact]
    public async Task Until_computed_the_page_says_so_and_Compute_now_queues_a_run_of_the_surgeons_own_operations_only()
    {
        var client = await SignedInAsync(UserName);

        var page = ListPages.Text(await client.GetStringAsync("/Statistics/Mine"));
        Assert.Contains("Your outcomes have not been computed over the current data yet.", page);

        // A surgeon code posted by the caller is not theirs to choose.
        var token = RegistryWebFactory.AntiforgeryToken(await client.GetStringAsync("/Statistics/Mine"));
        var response = await client.PostAsync("/Statistics/Mine?handler=Compute", new FormUrlEncodedContent(
            [new("surgeon", "BCN-S1"), new("sites", "BCN"), new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var run = Assert.Single(await StatisticsRunsAsync());
        Assert.Equal("surgeon=" + Surgeon, JsonSerializer.Deserialize<StatisticsJob.Parameters>(run.Parameters)!.Filter!.Key());
        Assert.Equal(UserName, run.RequestedBy);
    }

    [Fact]
    public async Task A_surgeon_sees_their_one_year_success_and_permanent_complications_beside_the_registrys()
    {
        await Database.SnapshotAsync();
        await Database.SnapshotAsync(new StatisticsFilter { Surgeon = Surgeon });
        var client = await SignedInAsync(UserName);

        var page = ListPages.Text(await client.GetStringAsync("/Statistics/Mine"));

        var own = await OwnOutcomesAsync();
        var hfs = own.Where(o => o.Indication == Codes.Hfs).ToList();
        var successes = hfs.Count(o => o.Success1y == true);
        var known = hfs.Count(o => o.Success1y is not null);
        Assert.True(known > 0);
        Assert.Contains($"{successes}/{known}", page);
        var permanent = own.Count(o => o.Complications.Any(c => c.Class == ComplicationClass.Permanent));
        Assert.Matches($@"You</th>\s*<td[^>]*>{permanent}/{own.Count}</td>", page);
        Assert.Matches(@"Registry</th>\s*<td[^>]*>\d+/\d+</td>", page);
        Assert.DoesNotContain("have not been computed", page);
    }

    [Fact]
    public async Task On_the_funnel_plot_the_surgeon_is_named_and_every_other_surgeon_is_a_pseudonym()
    {
        await Database.SnapshotAsync();
        await Database.SnapshotAsync(new StatisticsFilter { Surgeon = Surgeon });
        var client = await SignedInAsync(UserName);

        var html = await client.GetStringAsync("/Statistics/Mine");

        Assert.Contains(Surgeon, html);
        foreach (var other in new[] { "HOU-S2", "HOU-S3", "BCN-S1", "BCN-S2", "PIT-S1", "SEO-S1" })
            Assert.DoesNotContain(other, html);
        Assert.Contains("Surgeon A", html);
        Assert.Contains("id=\"chart-funnel-surgeons\"", html);
    }

    [Fact]
    public async Task A_researcher_without_the_surgeon_role_is_denied()
    {
        var client = await SignedInAsync(DemoUsers.Researcher);

        var response = await client.GetAsync("/Statistics/Mine");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Denied", response.Headers.Location!.PathAndQuery);
    }
}

public sealed class SqliteMyOutcomesPageTests(SqliteTestDatabase database) : MyOutcomesPageTests<SqliteTestDatabase>(database);

public sealed class PostgresMyOutcomesPageTests(PostgresTestDatabase database) : MyOutcomesPageTests<PostgresTestDatabase>(database);
