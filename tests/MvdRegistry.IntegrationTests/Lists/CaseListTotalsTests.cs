using Microsoft.EntityFrameworkCore;
using MvdRegistry.Application.Scheduling;
using MvdRegistry.IntegrationTests.Infrastructure;

namespace MvdRegistry.IntegrationTests.Lists;

/// <summary>
/// The case list keeps its totals and surgeon choices between requests (CaseListTotals) under the
/// registry's change stamp: a change shows on the next request, whether audited (a delete) or not (a
/// daily replacement of the stored overdue lists).
/// </summary>
public abstract class CaseListTotalsTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private static readonly DateOnly TodayDate = Today.Of(TimeProvider.System);

    protected override async Task SeedAsync()
    {
        await using var db = Database.NewContext();
        await new Seed(TodayDate)
            .Case("A31LATE", "HOU", operatedDaysAgo: 61, surgeon: "HOU-S1")
            .Case("D15DAY", "HOU", operatedDaysAgo: 61, surgeon: "HOU-S2", visitDays: [15])
            .Case("G-DONE", "HOU", operatedDaysAgo: 3000, surgeon: "HOU-S1", visitDays: [30, 91, 182, 365, 730, 1095, 1460, 1825])
            .Case("K77", "HOU", operatedDaysAgo: 91 + 31, surgeon: "HOU-S1", visitDays: [30, 77])
            .Case("I-PIT", "PIT", operatedDaysAgo: 400, surgeon: "PIT-S1")
            .DemoUsers()
            .SaveAsync(db);
    }

    private static bool OffersSurgeon(string html, string code) => html.Contains($"<option value=\"{code}\"", StringComparison.Ordinal);

    [Fact]
    public async Task A_deleted_operation_leaves_the_total_and_its_surgeon_leaves_the_choices_on_the_next_request()
    {
        var client = await SignedInAsync("surgeon.hou");
        var before = await client.GetStringAsync("/Cases");
        var filteredBefore = await client.GetStringAsync("/Cases?indication=HFS");
        Assert.Equal((4, 4, true), (ListPages.Count(before), ListPages.Count(filteredBefore), OffersSurgeon(before, "HOU-S2")));

        await using (var db = Db())
        {
            var operation = await db.Operations.Include(o => o.FollowUps).SingleAsync(o => o.CaseId == "D15DAY");
            db.FollowUps.RemoveRange(operation.FollowUps);
            db.Operations.Remove(operation);
            await db.SaveChangesAsync();
        }

        var after = await client.GetStringAsync("/Cases");
        var filteredAfter = await client.GetStringAsync("/Cases?indication=HFS");
        Assert.Equal((3, 3, false), (ListPages.Count(after), ListPages.Count(filteredAfter), OffersSurgeon(after, "HOU-S2")));
        Assert.Equal(["A31LATE", "K77", "G-DONE"], ListPages.CaseIds(after));
    }

    [Fact]
    public async Task The_overdue_total_follows_a_replacement_of_the_stored_list_that_writes_no_audit_row()
    {
        var client = await SignedInAsync("surgeon.hou");
        var before = await client.GetStringAsync("/Cases?overdue=true");
        Assert.Equal(["A31LATE", "D15DAY"], ListPages.CaseIds(before));
        Assert.Equal(2, ListPages.Count(before));
        await using (var db = Db())
        {
            var audit = await db.AuditLog.CountAsync();
            // The daily run half a year on: K77's 6-month visit is missed by then.
            var later = new FixedClock(DateTimeOffset.UtcNow.AddDays(182));
            await new OverdueListStore(db, later).ReplaceSiteAsync("HOU", OverdueListStore.Schedule, null, default);
            Assert.Equal(audit, await db.AuditLog.CountAsync());
        }

        var after = await client.GetStringAsync("/Cases?overdue=true");

        await using var read = Db();
        var stored = await read.OverdueOperations.Where(r => r.SiteCode == "HOU").Select(r => r.CaseId).ToListAsync();
        Assert.Contains("K77", stored);
        Assert.Equal(stored.Count, ListPages.Count(after));
        Assert.Equal(stored.Order(StringComparer.Ordinal), ListPages.CaseIds(after).Order(StringComparer.Ordinal));
    }
}

public sealed class SqliteCaseListTotalsTests(SqliteTestDatabase database) : CaseListTotalsTests<SqliteTestDatabase>(database);

public sealed class PostgresCaseListTotalsTests(PostgresTestDatabase database) : CaseListTotalsTests<PostgresTestDatabase>(database);
