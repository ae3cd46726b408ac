using MvdRegistry.Application.Statistics;
using MvdRegistry.Application.Statistics.Snapshots;
using MvdRegistry.Core.Statistics;
using MvdRegistry.Core.Statistics.Snapshot;
using MvdRegistry.Data;

namespace MvdRegistry.Application.Worklists;

/// <summary>
/// A researcher's home page: the headline of the whole registry's latest stored statistics snapshot
/// (never computed on a request): operations analysed, success at one year per indication, and
/// permanent complications of all indications, each with its Wilson interval. De-identified: counts only.
/// </summary>
public sealed record ResearcherHeadline(
    DateOnly AsOf,
    DateTime ComputedAt,
    int Operations,
    IReadOnlyList<(string Indication, Proportion Success1y)> Success,
    Proportion AnyComplication,
    Proportion PermanentComplication)
{
    /// <summary>
    /// The headline of the latest snapshot of the whole registry; null when none was ever computed. Its head is read
    /// without the JSON, its values kept once per snapshot in <paramref name="values"/> (the web host's).
    /// </summary>
    public static async Task<ResearcherHeadline?> LatestAsync(RegistryDbContext db, SnapshotValuesCache values, CancellationToken ct = default)
    {
        if (await SnapshotStore.LatestHeadAsync(db, new StatisticsFilter(), ct) is not { } stored) return null;
        var snapshot = (await values.ValuesAsync(stored, ct)).Statistics;
        var all = snapshot.Complications[RegistryStatistics.AllIndications].Any;
        return new ResearcherHeadline(
            stored.AsOf,
            stored.ComputedAt,
            snapshot.Population.Operations,
            RegistryStatistics.BenefitIndications.Where(snapshot.Benefit.ContainsKey)
                .Select(i => (i, snapshot.Benefit[i].Success1y)).ToList(),
            all.Any,
            all.Permanent);
    }
}
