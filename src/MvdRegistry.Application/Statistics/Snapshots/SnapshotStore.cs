using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;

namespace MvdRegistry.Application.Statistics.Snapshots;

/// <summary>The stored statistics snapshots, looked up by filter.</summary>
public static class SnapshotStore
{
    /// <summary>The latest snapshot of the filter, whatever data it was computed over.</summary>
    public static Task<StatisticsSnapshot?> LatestAsync(RegistryDbContext db, StatisticsFilter filter, CancellationToken ct = default)
    {
        var key = filter.Key();
        return db.StatisticsSnapshots.AsNoTracking().Where(s => s.FilterKey == key)
            .OrderByDescending(s => s.ComputedAt).ThenByDescending(s => s.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>The latest snapshot of the filter over exactly the data <paramref name="fingerprint"/> describes.</summary>
    public static Task<StatisticsSnapshot?> CurrentAsync(RegistryDbContext db, StatisticsFilter filter, DataFingerprint fingerprint, CancellationToken ct = default)
    {
        var (key, print) = (filter.Key(), fingerprint.ToString());
        return db.StatisticsSnapshots.AsNoTracking().Where(s => s.FilterKey == key && s.Fingerprint == print)
            .OrderByDescending(s => s.ComputedAt).ThenByDescending(s => s.Id).FirstOrDefaultAsync(ct);
    }
}
