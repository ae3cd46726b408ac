using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Model;

namespace MvdRegistry.Data;

/// <summary>
/// The query planner's statistics of the five record tables, refreshed after an import wrote them (and of the
/// stored overdue lists, after a site's list is replaced: without them the <c>/Cases</c> overdue filter's page
/// query took 50-80 ms on PostgreSQL at 100,000 patients, 16-18 ms once analysed). On
/// PostgreSQL a table filled in one transaction has none until autovacuum's next pass (up to a minute, more
/// on a busy server): until then the planner takes it for a few rows and picks nested loops that read every
/// row once per row. The de-identified export's analysis batch took 1.7 s on the 3,200-row reference
/// registry that way, against 16 ms once analysed. SQL Server updates its statistics itself when a query
/// finds them stale; SQLite's planner goes by the indexes without them.
/// </summary>
public static class PlannerStatistics
{
    public static readonly Type[] RecordTypes = [typeof(Patient), typeof(Operation), typeof(ImagingStudy), typeof(FollowUp), typeof(Complication)];

    public static Task RefreshAsync(RegistryDbContext db, CancellationToken ct = default) => RefreshAsync(db, RecordTypes, ct);

    /// <summary>The statistics of the tables of <paramref name="types"/> (entity types of the model), on PostgreSQL.</summary>
    public static async Task RefreshAsync(RegistryDbContext db, IEnumerable<Type> types, CancellationToken ct = default)
    {
        if (!db.Database.IsNpgsql()) return;
        // Table names from the model, delimited by the provider: no value from outside reaches the statement.
        var tables = types.Select(t => ModelNames.Table(db, t));
        var analyse = "ANALYZE " + string.Join(", ", tables);
        await db.Database.ExecuteSqlRawAsync(analyse, ct);
    }
}
