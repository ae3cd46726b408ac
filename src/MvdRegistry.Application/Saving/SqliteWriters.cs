using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Data;

namespace MvdRegistry.Application.Saving;

/// <summary>
/// SQLite lets one transaction write at a time, and Microsoft.Data.Sqlite answers a writer that finds
/// the database locked by putting its thread to sleep for 150 ms and trying again, as long as the
/// command timeout allows: under concurrent saves most of a save's time went to those sleeps (a
/// request's median at 32 connections was ten times its time alone, with the host's CPU mostly idle).
/// Saves and deletes of one process therefore queue here, without holding a thread, for the
/// database file they write, and begin their transaction only when the one before has committed.
/// Other writers (a job, another process) still meet the database's own lock. No-op on the server
/// databases, whose row locks let writers of different records proceed together.
/// </summary>
public static class SqliteWriters
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>Waits for this database's turn to write; dispose the result to pass it on. Null on a server database.</summary>
    public static async Task<IDisposable?> TurnAsync(RegistryDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite()) return null;
        var gate = Gates.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Turn(gate);
    }

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0) gate.Release();
        }
    }
}
