using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Application.Saving;
using MvdRegistry.Application.Scheduling;
using MvdRegistry.Application.Users;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;
using MvdRegistry.Data.Bulk;
using MvdRegistry.IntegrationTests.Infrastructure;

namespace MvdRegistry.IntegrationTests.Lists;

/// <summary>
/// A save and a site's whole-list replacement, or two saves of one operation, at the same time: they take
/// turns on the site's stored list (<see cref="OverdueListStore"/>), and the one that writes last computes
/// its rows from data that holds the other's change, so neither loses it. Each test holds one side open in
/// a transaction, starts the other, lets it reach the lock (PostgreSQL: until the server shows it waiting
/// on a lock; SQLite: the database's write lock), then commits. A delete takes its turn as a save does.
/// </summary>
public abstract class OverdueListTurnTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private static readonly DateOnly TodayDate = Today.Of(TimeProvider.System);

    /// <summary>A31LATE, operated on 61 days ago and never seen since, is overdue (its day-30 visit is missed).</summary>
    protected override async Task SeedAsync()
    {
        await using var db = Database.NewContext();
        await new Seed(TodayDate)
            .Case("A31LATE", "HOU", operatedDaysAgo: 61, surgeon: "HOU-S1")
            .Case("J76", "HOU", operatedDaysAgo: 91 + 31, surgeon: "HOU-S1", visitDays: [30, 76])
            .DemoUsers()
            .SaveAsync(db);
        await using var store = Db();
        await new OverdueListStore(store, TimeProvider.System).ReplaceSiteAsync("HOU", OverdueListStore.Schedule, null, default);
    }

    [Fact]
    public async Task A_save_waits_for_a_replacement_holding_the_sites_list_and_stores_its_rows_after_it()
    {
        Assert.Contains("A31LATE", await StoredAsync());
        // A replacement in progress: it holds the site's list and has rewritten A31LATE's row from data
        // without the visit about to be saved.
        await using var replacement = Db();
        await using var open = await replacement.Database.BeginTransactionAsync();
        await replacement.OverdueSiteLists.Where(l => l.SiteCode == "HOU").ExecuteUpdateAsync(s => s.SetProperty(l => l.ComputedAt, DateTime.UtcNow));
        var row = await replacement.OverdueOperations.AsNoTracking().SingleAsync(r => r.CaseId == "A31LATE");
        await replacement.OverdueOperations.Where(r => r.CaseId == "A31LATE").ExecuteDeleteAsync();
        await BulkInserter.InsertAsync(replacement, [row]);

        // On its own thread: Microsoft.Data.Sqlite's async methods run synchronously, waiting out the lock.
        var save = Task.Run(() => SaveVisitAsync("F-DAY30", daysAfterSurgery: 30));
        await LockWaits.UntilWaitingAsync(Database, save);
        await open.CommitAsync();

        Assert.IsType<SaveOutcome.Saved>(await save);
        Assert.DoesNotContain("A31LATE", await StoredAsync());
    }

    [Fact]
    public async Task Two_saves_of_one_operation_at_once_the_later_computes_its_rows_with_the_earlier_ones_visit()
    {
        // The first save, open: a visit at day 30 takes A31LATE off the list.
        var user = await UserAsync();
        await using var first = Database.NewContext(user);
        await using var open = await first.Database.BeginTransactionAsync();
        Assert.IsType<SaveOutcome.Saved>(await SaveVisitAsync(first, user, "F-DAY30", daysAfterSurgery: 30));

        // The second, at once: a visit at day 5 alone would leave it overdue.
        var second = Task.Run(() => SaveVisitAsync("F-DAY5", daysAfterSurgery: 5));
        await LockWaits.UntilWaitingAsync(Database, second);
        await open.CommitAsync();

        Assert.IsType<SaveOutcome.Saved>(await second);
        Assert.Equal(["J76"], await StoredAsync());
    }

    /// <summary>
    /// A delete waiting for a save of the same site: on PostgreSQL the delete's serializable transaction then cannot
    /// go on (40001, "could not serialize access due to concurrent update"), which used to reach the user as an
    /// error; it is run again (<see cref="DeleteHandler.MaxAttempts"/>) and both changes stand. On SQLite the delete
    /// waits for the database's write lock and goes on.
    /// </summary>
    [Fact]
    public async Task A_delete_that_waited_for_a_save_of_the_same_site_is_done_and_both_changes_stand()
    {
        var user = await UserAsync();
        await using var first = Database.NewContext(user);
        await using var open = await first.Database.BeginTransactionAsync();
        Assert.IsType<SaveOutcome.Saved>(await SaveVisitAsync(first, user, "F-DAY30", daysAfterSurgery: 30));

        var delete = Task.Run(async () =>
        {
            await using var db = Database.NewContext(user);
            var visit = await db.FollowUps.SingleAsync(f => f.FollowupId == "FJ76-76");
            return await new DeleteHandler(db, user, new OverdueListStore(db, TimeProvider.System))
                .DeleteAsync(new DeleteCommand { Record = visit, Version = visit.Version, Reason = "entered twice" });
        });
        await LockWaits.UntilWaitingAsync(Database, delete);
        await open.CommitAsync();

        Assert.Equal(new DeleteOutcome.Deleted("followup", "FJ76-76"), await delete);
        await using var check = Db();
        Assert.Equal(["F-DAY30", "FJ76-30"], (await check.FollowUps.Select(f => f.FollowupId).ToListAsync()).Order(StringComparer.Ordinal));
        // The stored list is what the site's whole list computed now is: neither change was lost on it.
        var stored = await StoredAsync();
        await new OverdueListStore(check, TimeProvider.System).ReplaceSiteAsync("HOU", OverdueListStore.Schedule, null, default);
        Assert.Equal(await StoredAsync(), stored);
    }

    private async Task<SaveOutcome> SaveVisitAsync(string key, int daysAfterSurgery)
    {
        var user = await UserAsync();
        await using var db = Database.NewContext(user);
        return await SaveVisitAsync(db, user, key, daysAfterSurgery);
    }

    private static async Task<SaveOutcome> SaveVisitAsync(RegistryDbContext db, JobUser user, string key, int daysAfterSurgery)
    {
        var operation = await db.Operations.Include(o => o.Patient).SingleAsync(o => o.CaseId == "A31LATE");
        var handler = new SaveHandler(db, user, TimeProvider.System, new KeyGenerator(db), new OverdueListStore(db, TimeProvider.System));
        var date = operation.SurgeryDate!.Value.AddDays(daysAfterSurgery).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var columns = new Dictionary<string, string?>
        {
            ["followup_id"] = key, ["visit_date"] = date, ["contact_mode"] = "clinic", ["hfs_status"] = "near_complete", ["hb_grade"] = "1",
        };
        return await handler.SaveAsync(new SaveCommand { Record = new FollowUp { Operation = operation }, Columns = columns, IsNew = true });
    }

    private async Task<List<string>> StoredAsync()
    {
        await using var db = Db();
        return (await db.OverdueOperations.Select(r => r.CaseId).ToListAsync()).Order(StringComparer.Ordinal).ToList();
    }

    private async Task<JobUser> UserAsync()
    {
        await using var lookup = Db();
        return (await JobUser.ForAsync(lookup, "surgeon.hou", "test"))!;
    }
}

public sealed class SqliteOverdueListTurnTests(SqliteTestDatabase database) : OverdueListTurnTests<SqliteTestDatabase>(database);

public sealed class PostgresOverdueListTurnTests(PostgresTestDatabase database) : OverdueListTurnTests<PostgresTestDatabase>(database);
