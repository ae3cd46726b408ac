using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Bundle;
using MvdRegistry.Core.Model;

namespace MvdRegistry.Data;

public static class RegistryLoader
{
    /// <summary>Every clinical record, untracked and linked: what the statistics and the import compare against.</summary>
    public static async Task<RegistryData> LoadAsync(RegistryDbContext db, CancellationToken ct = default)
    {
        var data = new RegistryData();
        data.Patients.AddRange(await db.Patients.AsNoTracking().ToListAsync(ct));
        data.Operations.AddRange(await db.Operations.AsNoTracking().ToListAsync(ct));
        data.Imaging.AddRange(await db.Imaging.AsNoTracking().ToListAsync(ct));
        data.FollowUps.AddRange(await db.FollowUps.AsNoTracking().ToListAsync(ct));
        data.Complications.AddRange(await db.Complications.AsNoTracking().ToListAsync(ct));
        return data.Link();
    }

    /// <summary>
    /// Only the columns that outcome derivation and the statistics read, untracked and linked: loading a
    /// 100,000-patient registry this way takes a fraction of the time of whole rows. The statistics
    /// tests run through this loader (stats --json against expected.json), so a column the statistics
    /// start to need and this leaves out makes them fail. Never an MRN.
    /// </summary>
    /// <param name="chosen">The operations to load (with their patients and children), filtered in the database; all when null.</param>
    public static async Task<RegistryData> LoadForStatisticsAsync(RegistryDbContext db, IQueryable<Operation>? chosen = null, CancellationToken ct = default)
    {
        return await StatisticsRows.ReadAsync(db, StatisticsQueries.Of(db, chosen), ct);
    }

    /// <summary>The same columns, read the same way, by queries the caller narrowed (a batch of keys): see <see cref="StatisticsQueries.Of"/>.</summary>
    public static async Task<RegistryData> LoadStatisticsRowsAsync(RegistryDbContext db, StatisticsQueries queries, CancellationToken ct = default)
    {
        return await StatisticsRows.ReadAsync(db, queries, ct);
    }
}
