using Microsoft.EntityFrameworkCore;
using MvdRegistry.Data;

namespace MvdRegistry.Reporting.Export.Deidentified;

/// <summary>
/// The export's reads on one connection, held open from the first query to the last, and on PostgreSQL a
/// planner set for a reader that takes rows at its writer's pace, for this session only:
/// <list type="bullet">
/// <item><c>random_page_cost</c> 1.1, the usual value for SSDs (PostgreSQL's default of 4 is for spinning disks). With the
/// default, each query of an analysis batch (its children's semi-join to the filtered operations) hashed the whole patients
/// table to find the consent of its 500 operations: 80 ms a query where the nested loop over the primary keys takes 8 ms
/// (EXPLAIN ANALYZE, 100,000 patients), a thousand times per export.</item>
/// <item>No parallel workers (<c>max_parallel_workers_per_gather</c> 0) and no JIT compilation of the plans (<c>jit</c> off):
/// the rows cannot leave faster than the writer takes them, so two workers sorting the operations, or LLVM compiling the
/// complications' query (its correlated last visit puts its cost above <c>jit_above_cost</c>), only take processor time
/// from the writer on the database's machine. At 100,000 patients the server's processes used 0.15 s less of it per export
/// (2.78-2.88 s against 2.94-3.03 s, three runs each, measured 2026-12-03).</item>
/// <item>No sort where an index gives the order (<c>enable_sort</c> off): the patients' and the operations' queries then stream
/// from their first row along the key indexes (the operations by a nested loop to their patients: first row after 0.1 ms
/// and 258 ms in all, where the default hash join and its sort of the 100,000 operations spilled to disk held the first
/// row back 300 ms, 320 ms in all, EXPLAIN ANALYZE). The repeating forms are read alone, in their index's order, either way.
/// MiniExcel's thread waited for the operations sheet's first row 0.06-0.07 s instead of 0.36-0.37 s (measured 2026-12-03).</item>
/// </list>
/// The settings are reset when the export ends, before the connection goes back to the pool.
/// </summary>
internal sealed class ReadingSession : IAsyncDisposable
{
    private readonly RegistryDbContext _db;
    private readonly bool _planner;

    /// <summary>The PostgreSQL settings above, set when the export starts and reset when it ends: one list for both.</summary>
    private static readonly (string Name, string Value)[] PlannerSettings =
        [("random_page_cost", "1.1"), ("max_parallel_workers_per_gather", "0"), ("jit", "off"), ("enable_sort", "off")];

    private ReadingSession(RegistryDbContext db, bool planner) => (_db, _planner) = (db, planner);

    public static async Task<ReadingSession> OpenAsync(RegistryDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var planner = db.Database.IsNpgsql();
        if (planner) await db.Database.ExecuteSqlRawAsync(string.Join("; ", PlannerSettings.Select(s => $"SET {s.Name} = {s.Value}")), ct);
        return new ReadingSession(db, planner);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_planner) await _db.Database.ExecuteSqlRawAsync(string.Join("; ", PlannerSettings.Select(s => $"RESET {s.Name}")));
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
