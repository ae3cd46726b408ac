using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Application.Saving;
using MvdRegistry.Application.Scheduling;
using MvdRegistry.Application.Users;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;
using MvdRegistry.IntegrationTests.Infrastructure;

namespace MvdRegistry.IntegrationTests.Deleting;

/// <summary>
/// A delete and a save of the same site at once: both write the site's stored overdue list, so the one that
/// comes second waits for the other's lock. The save is held open in a transaction with the lock taken, the
/// delete started, let reach the lock, then the save committed. On PostgreSQL the delete's serializable
/// transaction then cannot go on (40001, "could not serialize access due to concurrent update"): it used to
/// reach the user as an error; it is run again, and both changes stand. On SQLite the delete waits for the
/// database's write lock and goes on.
/// </summary>
public abstract class DeleteRaceTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private static readonly DateOnly TodayDate = Today.Of(TimeProvider.System);

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
    public async Task A_delete_that_waited_for_a_save_of_the_same_site_is_done_and_both_changes_stand()
    {
        var user = await UserAsync();
        await using var saving = Database.NewContext(user);
        await using var open = await saving.Database.BeginTransactionAsync();
        Assert.IsType<SaveOutcome.Saved>(await SaveVisitAsync(saving, user));

        // On its own thread: Microsoft.Data.Sqlite's async methods run synchronously, waiting out the lock.
        var delete = Task.Run(() => DeleteVisitAsync(user, "FJ76-76"));
        await LockWaits.UntilWaitingAsync(Database, delete);
        await open.CommitAsync();

        Assert.Equal(new DeleteOutcome.Deleted("followup", "FJ76-76"), await delete);
        await using var check = Db();
        Assert.Equal(["FA31LATE-DAY30", "FJ76-30"], (await check.FollowUps.Select(f => f.FollowupId).ToListAsync()).Order(StringComparer.Ordinal));
        // The stored list is what the site's whole list computed now is: neither change was lost on it.
        var stored = await StoredAsync();
        await new OverdueListStore(check, TimeProvider.System).ReplaceSiteAsync("HOU", OverdueListStore.Schedule, null, default);
        Assert.Equal(await StoredAsync(), stored);
    }

    private static async Task<SaveOutcome> SaveVisitAsync(RegistryDbContext db, JobUser user)
    {
        var operation = await db.Operations.Include(o => o.Patient).SingleAsync(o => o.CaseId == "A31LATE");
        var handler = new SaveHandler(db, user, TimeProvider.System, new KeyGenerator(db), new OverdueListStore(db, TimeProvider.System));
        var date = operation.SurgeryDate!.Value.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var columns = new Dictionary<string, string?>
        {
            ["followup_id"] = "FA31LATE-DAY30", ["visit_date"] = date, ["contact_mode"] = "clinic", ["hfs_status"] = "near_complete", ["hb_grade"] = "1",
        };
        return await handler.SaveAsync(new SaveCommand { Record = new FollowUp { Operation = operation }, Columns = columns, IsNew = true });
    }

    private async Task<DeleteOutcome> DeleteVisitAsync(JobUser user, string visitId)
    {
        await using var db = Database.NewContext(user);
        var visit = await db.FollowUps.SingleAsync(f => f.FollowupId == visitId);
        return await new DeleteHandler(db, user, new OverdueListStore(db, TimeProvider.System))
            .DeleteAsync(new DeleteCommand { Record = visit, Version = visit.Version, Reason = "entered twice" });
    }

    private async Task<List<(string CaseId, int Day)>> StoredAsync()
    {
        await using var db = Db();
        return (await db.OverdueOperations.Select(r => new { r.CaseId, r.LatestMissedDay }).ToListAsync())
            .Select(r => (r.CaseId, r.LatestMissedDay)).OrderBy(r => r.CaseId, StringComparer.Ordinal).ToList();
    }

    private async Task<JobUser> UserAsync()
    {
        await using var lookup = Db();
        return (await JobUser.ForAsync(lookup, "surgeon.hou", "test"))!;
    }
}

public sealed class SqliteDeleteRaceTests(SqliteTestDatabase database) : DeleteRaceTests<SqliteTestDatabase>(database);

public sealed class PostgresDeleteRaceTests(PostgresTestDatabase database) : DeleteRaceTests<PostgresTestDatabase>(database);
