using Microsoft.EntityFrameworkCore;
using MvdRegistry.Data;

namespace MvdRegistry.Reporting.Export.Deidentified;

/// <summary>
/// The export's reads on one connection, held open from the first query to the last, and on PostgreSQL a
/// planner that knows random reads are cheap (<c>random_page_cost</c> 1.1, the usual value for SSDs, for this
/// session only; PostgreSQL's default of 4 is for spinning disks). With the default, each query of an analysis
/// batch (its children's semi-join to the filtered operations) hashed the whole patients table to find the
/// consent of its 500 operations: 80 ms a query where the nested loop over the primary keys takes 8 ms
/// (EXPLAIN ANALYZE, 100,000 patients), a thousand times per export. The setting is reset when the export ends,
/// before the connection goes back to the pool.
/// </summary>
internal sealed class ReadingSession : IAsyncDisposable
{
    private readonly RegistryDbContext _db;
    private readonly bool _planner;

    private ReadingSession(RegistryDbContext db, bool planner) => (_db, _planner) = (db, planner);

    public static async Task<ReadingSession> OpenAsync(RegistryDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var planner = db.Database.IsNpgsql();
        if (planner) await db.Database.ExecuteSqlRawAsync("SET random_page_cost = 1.1", ct);
        return new ReadingSession(db, planner);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_planner) await _db.Database.ExecuteSqlRawAsync("RESET random_page_cost");
        }
        catch (System.Data.Common.DbException)
        {
            // A connection that failed mid-export must not hide the export's own error; Npgsql resets a pooled
            // connection's settings (DISCARD ALL) before it is used again anyway.
        }
        finally
        {
            await _db.Database.CloseConnectionAsync();
        }
    }
}
