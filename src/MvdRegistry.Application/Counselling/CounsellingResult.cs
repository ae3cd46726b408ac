using Microsoft.EntityFrameworkCore;
using MvdRegistry.Application.Statistics;
using MvdRegistry.Application.Statistics.Snapshots;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Statistics.Snapshot;
using MvdRegistry.Data;

namespace MvdRegistry.Application.Counselling;

/// <summary>
/// What the counselling view tells a patient, from the whole registry's latest statistics snapshot:
/// the model's predicted success at one year in both LSR scenarios, and the benefit and harm of
/// similar patients. Stored says which snapshot (data as of, computed when and by whom).
/// </summary>
public sealed record CounsellingResult(StatisticsSnapshot Stored, CounsellingProfile Profile, ModelAnswer Model, IReadOnlyList<SimilarGroup> Similar)
{
    public static CounsellingResult Of(StatisticsSnapshot stored, RegistrySnapshot snapshot, CounsellingProfile profile) =>
        new(stored, profile, ModelAnswer.For(profile, snapshot.Logistic), SimilarGroup.For(profile, snapshot));

    /// <summary>
    /// The counselling of a profile from the whole registry's latest snapshot, its values read once per snapshot
    /// (<paramref name="values"/>, the web host's); null when none has been computed.
    /// </summary>
    public static async Task<CounsellingResult?> LatestAsync(RegistryDbContext db, SnapshotValuesCache values, CounsellingProfile profile, CancellationToken ct = default) =>
        await SnapshotStore.LatestHeadAsync(db, new StatisticsFilter(), ct) is { } head
            ? Of(head, (await values.ValuesAsync(head, ct)).Statistics, profile)
            : null;

    /// <summary>Whether any snapshot of the whole registry exists (the form says so before anything is typed).</summary>
    public static Task<bool> AnySnapshotAsync(RegistryDbContext db, CancellationToken ct = default)
    {
        var key = new StatisticsFilter().Key();
        return db.StatisticsSnapshots.AsNoTracking().AnyAsync(s => s.FilterKey == key, ct);
    }
}
