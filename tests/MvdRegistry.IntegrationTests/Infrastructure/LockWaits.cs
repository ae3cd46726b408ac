using Microsoft.EntityFrameworkCore;

namespace MvdRegistry.IntegrationTests.Infrastructure;

/// <summary>For the tests that hold one writer open and let another reach the lock it holds.</summary>
public static class LockWaits
{
    /// <summary>Until <paramref name="other"/> waits on a lock (PostgreSQL), or a second on SQLite, whose lock the server does not show.</summary>
    public static async Task UntilWaitingAsync(TestDatabase database, Task other)
    {
        await using var db = database.NewContext();
        if (!db.Database.IsNpgsql())
        {
            await Task.WhenAny(other, Task.Delay(TimeSpan.FromSeconds(1)));
            Assert.False(other.IsCompleted, "the second writer finished while the first held the database's write lock");
            return;
        }
        for (var i = 0; i < 300; i++)
        {
            var waiting = await db.Database.SqlQueryRaw<int>(
                "SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'").SingleAsync();
            if (waiting > 0) return;
            Assert.False(other.IsCompleted, "the second writer finished without waiting for the first");
            await Task.Delay(100);
        }
        Assert.Fail("the second writer never waited on a lock");
    }
}
