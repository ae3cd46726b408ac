using System.Net;
using MvdRegistry.IntegrationTests.Infrastructure;
using MvdRegistry.Reporting.Demo;
using MvdRegistry.Application.Scheduling;

namespace MvdRegistry.IntegrationTests.Lists;

/// <summary>
/// The overdue rule at its edges (OUTCOMES.md item 9: targets 30, 91, ... 1825 days; a visit counts for a
/// target up to 14 days before it; overdue more than 30 days after it), through /Cases and /FollowUps/Overdue.
/// </summary>
public abstract class OverdueTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private static readonly int[] WholeSchedule = [30, 91, 182, 365, 730, 1095, 1460, 1825];

    protected override async Task SeedAsync()
    {
        await using var db = Database.NewContext();
        await new Seed(Today.Of(TimeProvider.System))
            .Case("A31LATE", "HOU", operatedDaysAgo: 61, surgeon: "HOU-S1")
            .Case("B30LATE", "HOU", operatedDaysAgo: 60, surgeon: "HOU-S1")
            .Case("C16DAY", "HOU", operatedDaysAgo: 61, surgeon: "HOU-S1", visitDays: [16])
            .Case("D15DAY", "HOU", operatedDaysAgo: 61, surgeon: "HOU-S2", visitDays: [15])
            .Case("E-DIED", "HOU", operatedDaysAgo: 400, surgeon: "HOU-S1", visitDays: [30], died: true)
            .Case("F-WITHDREW", "HOU", operatedDaysAgo: 400, surgeon: "HOU-S1", withdrawn: true)
            .Case("G-DONE", "HOU", operatedDaysAgo: 3000, surgeon: "HOU-S1", visitDays: WholeSchedule)
            .Case("H1810", "HOU", operatedDaysAgo: 3000, surgeon: "HOU-S1", visitDays: [30, 365, 1810])
            .Case("I-PIT", "PIT", operatedDaysAgo: 400, surgeon: "PIT-S1")
            .Case("J76", "HOU", operatedDaysAgo: 91 + 31, surgeon: "HOU-S1", visitDays: [30, 76])
            .Case("K77", "HOU", operatedDaysAgo: 91 + 31, surgeon: "HOU-S1", visitDays: [30, 77])
            .Case("L-LOST", "HOU", operatedDaysAgo: 3000, surgeon: "HOU-S1", visitDays: [30, 365])
            .DemoUsers()
            .SaveAsync(db);
    }

    [Fact]
    public async Task The_operations_list_marks_overdue_exactly_those_more_than_30_days_past_their_next_target()
    {
        var client = await SignedInAsync("surgeon.hou");

        var overdue = ListPages.CaseIds(await client.GetStringAsync("/Cases?overdue=true"));

        Assert.Equal(["A31LATE", "D15DAY", "H1810", "J76", "L-LOST"], overdue.Order());
    }

    [Fact]
    public async Task The_operations_list_shows_the_next_visit_of_each_operation()
    {
        var client = await SignedInAsync("surgeon.hou");

        var page = ListPages.Text(await client.GetStringAsync("/Cases"));

        Assert.Contains("overdue 31 d", page);
        Assert.Contains("schedule complete", page);
        Assert.Contains("not expected", page);
        Assert.DoesNotContain("I-PIT", page);
    }

    [Fact]
    public async Task The_overdue_page_lists_the_sites_operations_with_target_days_overdue_and_links()
    {
        var client = await SignedInAsync("surgeon.hou");

        var page = await client.GetStringAsync("/FollowUps/Overdue?scope=sites");

        // Most recently due first: A, D and J are 31 days late (then by key), H and L years late.
        Assert.Equal(["A31LATE", "D15DAY", "J76", "H1810", "L-LOST"], ListPages.CaseIds(page));
        Assert.Contains("href=\"/Cases/A31LATE/FollowUps/New\"", page);
        Assert.Contains("1 month", page);
        Assert.Contains("3 months", page);
        Assert.Contains(">31</span>", page);
        Assert.Contains("HOUA31LATE", page);
        Assert.Contains("5 years", page);
    }

    [Fact]
    public async Task A_patient_lost_for_years_shows_the_latest_missed_visit_and_how_long_since_last_seen()
    {
        var client = await SignedInAsync("surgeon.hou");

        var page = await client.GetStringAsync("/FollowUps/Overdue?scope=sites");

        // Operated 3,000 days ago and last seen at one year: the 5-year visit (day 1825) is the one to arrange,
        // 1,175 days ago; the 2-year visit was the first missed; last seen 2,635 days (7.2 years) ago.
        var row = ListPages.Row(page, "L-LOST");
        Assert.Contains("Visit at 5 years", row);
        Assert.Contains("first missed: the visit at 2 years", row);
        Assert.Contains(">1175</span>", row);
        Assert.Contains("7.2 years ago at a visit", row);
        Assert.Contains("61 days ago at surgery", ListPages.Row(page, "A31LATE"));
    }

    [Fact]
    public async Task A_surgeon_sees_by_default_only_the_overdue_operations_under_their_own_code()
    {
        var client = await SignedInAsync("surgeon.hou");

        var page = await client.GetStringAsync("/FollowUps/Overdue");

        Assert.Equal(["A31LATE", "J76", "H1810", "L-LOST"], ListPages.CaseIds(page));
        Assert.Contains("My operations (HOU-S1)", page);
    }

    [Fact]
    public async Task The_overdue_page_is_for_surgeons_only()
    {
        var client = await SignedInAsync("researcher");

        var response = await client.GetAsync("/FollowUps/Overdue");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Denied", response.Headers.Location!.PathAndQuery);
    }
}

public sealed class SqliteOverdueTests(SqliteTestDatabase database) : OverdueTests<SqliteTestDatabase>(database);

public sealed class PostgresOverdueTests(PostgresTestDatabase database) : OverdueTests<PostgresTestDatabase>(database);
