using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;

namespace MvdRegistry.Application.Statistics.Snapshots;

/// <summary>The stored statistics snapshots, looked up by filter.</summary>
public static class SnapshotStore
{
    /// <summary>The latest snapshot of the filter, whatever data it was computed over.</summary>
    public static Task<StatisticsSnapshot?> LatestAsync(RegistryDbContext db, StatisticsFilter filter, CancellationToken ct = default) =>
        Latest(db.StatisticsSnapshots.AsNoTracking(), filter).FirstOrDefaultAsync(ct);

    /// <summary>The latest snapshot of the filter over exactly the data <paramref name="fingerprint"/> describes.</summary>
    public static Task<StatisticsSnapshot?> CurrentAsync(RegistryDbContext db, StatisticsFilter filter, DataFingerprint fingerprint, CancellationToken ct = default) =>
        Current(db.StatisticsSnapshots.AsNoTracking(), filter, fingerprint).FirstOrDefaultAsync(ct);

    /// <summary><see cref="LatestAsync"/>'s snapshot without its values: its JSON columns are left empty (see <see cref="SnapshotValuesCache"/>).</summary>
    public static Task<StatisticsSnapshot?> LatestHeadAsync(RegistryDbContext db, StatisticsFilter filter, CancellationToken ct = default) =>
        Heads(Latest(db.StatisticsSnapshots.AsNoTracking(), filter)).FirstOrDefaultAsync(ct);

    /// <summary><see cref="CurrentAsync"/>'s snapshot without its values: its JSON columns are left empty (see <see cref="SnapshotValuesCache"/>).</summary>
    public static Task<StatisticsSnapshot?> CurrentHeadAsync(RegistryDbContext db, StatisticsFilter filter, DataFingerprint fingerprint, CancellationToken ct = default) =>
        Heads(Current(db.StatisticsSnapshots.AsNoTracking(), filter, fingerprint)).FirstOrDefaultAsync(ct);

    /// <summary>The values of the stored snapshot <paramref name="id"/>, read from its JSON.</summary>
    public static async Task<SnapshotValues> ValuesAsync(RegistryDbContext db, long id, CancellationToken ct = default)
    {
        var stored = await db.StatisticsSnapshots.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new { s.Json, s.MissingJson }).FirstOrDefaultAsync(ct)
            ?? throw new InvalidOperationException($"statistics snapshot {id} is not stored");
        return SnapshotValues.Read(stored.Json, stored.MissingJson);
    }

    private static IQueryable<StatisticsSnapshot> Latest(IQueryable<StatisticsSnapshot> snapshots, StatisticsFilter filter)
    {
        var key = filter.Key();
        return snapshots.Where(s => s.FilterKey == key).OrderByDescending(s => s.ComputedAt).ThenByDescending(s => s.Id);
    }

    private static IQueryable<StatisticsSnapshot> Current(IQueryable<StatisticsSnapshot> snapshots, StatisticsFilter filter, DataFingerprint fingerprint)
    {
        var (key, print) = (filter.Key(), fingerprint.ToString());
        return snapshots.Where(s => s.FilterKey == key && s.Fingerprint == print).OrderByDescending(s => s.ComputedAt).ThenByDescending(s => s.Id);
    }

    private static IQueryable<StatisticsSnapshot> Heads(IQueryable<StatisticsSnapshot> snapshots) => snapshots.Select(s => new StatisticsSnapshot
    {
        Id = s.Id, FilterKey = s.FilterKey, AsOf = s.AsOf, ComputedAt = s.ComputedAt, ComputedBy = s.ComputedBy, RunId = s.RunId,
        Fingerprint = s.Fingerprint, Json = "", MissingJson = "",
    });
}
