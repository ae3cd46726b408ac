using Microsoft.EntityFrameworkCore;
using MvdRegistry.Application.Changes;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.IntegrationTests.Infrastructure;

namespace MvdRegistry.IntegrationTests.Lists;

/// <summary>
/// The change stamp under which the case list and /Statistics keep what they derived: it moves with every
/// committed change of registry data (an audit row), and holds through writes that are not registry data
/// (a background job's bookkeeping, which on PostgreSQL used to move it with every transaction).
/// </summary>
public abstract class ChangeStampTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    protected override async Task SeedAsync()
    {
        await using var db = Database.NewContext();
        await new Seed().Site("HOU").SaveAsync(db);
    }

    protected static AuditEntry Audit(string key) => new()
    {
        At = DateTime.UtcNow, User = "test", Entity = Forms.Patient, Key = key, Action = AuditAction.Insert, NewValue = "{}",
    };

    protected async Task<string> StampAsync()
    {
        await using var db = Db();
        return await ChangeStamp.ReadAsync(db) ?? throw new InvalidOperationException("no stamp on this provider");
    }

    [Fact]
    public async Task The_stamp_holds_through_a_write_that_is_not_registry_data_and_moves_with_a_committed_audit_row()
    {
        var before = await StampAsync();
        await using (var db = Db())
        {
            db.OverdueSiteLists.Add(new OverdueSiteList { SiteCode = "HOU", AsOf = new DateOnly(2026, 1, 1), ComputedAt = DateTime.UtcNow, ComputedBy = "test" });
            await db.SaveChangesAsync();
        }
        var afterBookkeeping = await StampAsync();
        Assert.Equal(before, afterBookkeeping);

        await using (var db = Db())
        {
            db.AuditLog.Add(Audit("P-1"));
            await db.SaveChangesAsync();
        }
        Assert.NotEqual(afterBookkeeping, await StampAsync());
    }
}

public sealed class SqliteChangeStampTests(SqliteTestDatabase database) : ChangeStampTests<SqliteTestDatabase>(database);

public sealed class PostgresChangeStampTests(PostgresTestDatabase database) : ChangeStampTests<PostgresTestDatabase>(database)
{
    /// <summary>
    /// PostgreSQL gives ids at insert: a writer holding a lower id than the latest visible audit row may commit
    /// after it (SQLite has one writer at a time, so this cannot happen there). The latest row stays the same,
    /// yet the stamp must move.
    /// </summary>
    [Fact]
    public async Task A_writer_that_commits_after_a_later_id_still_moves_the_stamp()
    {
        await using var slow = Db();
        await using var transaction = await slow.Database.BeginTransactionAsync();
        slow.AuditLog.Add(Audit("P-SLOW"));
        await slow.SaveChangesAsync();
        await using (var quick = Db())
        {
            quick.AuditLog.Add(Audit("P-QUICK"));
            await quick.SaveChangesAsync();
        }
        var whileInProgress = await StampAsync();
        await transaction.CommitAsync();
        var afterCommit = await StampAsync();

        await using var read = Db();
        var ids = await read.AuditLog.OrderBy(a => a.Id).Select(a => new { a.Key, a.Id }).ToListAsync();
        Assert.Equal(["P-SLOW", "P-QUICK"], ids.Select(a => a.Key));
        // The latest row was already visible before the slow writer committed: the latest row alone would miss it.
        Assert.Contains($"audit {ids[1].Id} at", whileInProgress, StringComparison.Ordinal);
        Assert.Contains($"audit {ids[1].Id} at", afterCommit, StringComparison.Ordinal);
        Assert.NotEqual(whileInProgress, afterCommit);
    }
}
