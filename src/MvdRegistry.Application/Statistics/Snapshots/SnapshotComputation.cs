using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Outcomes;
using MvdRegistry.Core.Statistics.Snapshot;
using MvdRegistry.Data;

namespace MvdRegistry.Application.Statistics.Snapshots;

/// <summary>
/// Computes the statistics of the chosen operations, as <c>mvd stats --json</c> does, and stores them
/// as a snapshot with the fingerprint of the data they were computed over. The statistics job runs
/// it; everything that shows statistics reads what it stored. A run stores one snapshot of its filter and day: a
/// retried run (a report whose workbook could not be written) reuses the one its earlier attempt stored as of the
/// same day; a retry on a later day computes the statistics as of that day (the report's file is named by it).
/// </summary>
public static class SnapshotComputation
{
    public sealed record Progress(int Percent, string Text);

    /// <summary>The stored row and the statistics it holds.</summary>
    public sealed record Result(StatisticsSnapshot Stored, RegistrySnapshot Statistics);

    public static async Task<Result> ComputeAsync(RegistryDbContext db, StatisticsFilter filter, DateOnly asOf,
        string computedBy, long? runId, TimeProvider clock, Func<Progress, Task> progress, CancellationToken ct = default)
    {
        if (runId is { } run && await StoredByAsync(db, run, filter.Key(), asOf, ct) is { } earlier)
        {
            await progress(new(90, "Reusing the snapshot stored by an earlier attempt"));
            return new Result(earlier, RegistrySnapshot.FromJson(earlier.Json));
        }
        // Read before the rows: a change made while loading makes the snapshot look stale, never fresh.
        var fingerprint = await DataFingerprint.ReadAsync(db, ct);
        await progress(new(5, "Loading the operations"));
        var data = await StatisticsLoader.LoadAsync(db, filter, ct);

        await progress(new(60, $"Computing the statistics of {data.Operations.Count:N0} operations"));
        var (analysed, excludedWithdrawn) = RegistryStatistics.AnalysisPopulation(data.Patients);
        var snapshot = RegistryStatistics.Compute(analysed, excludedWithdrawn, asOf);
        var missing = RegistryStatistics.BenefitIndications.ToDictionary(
            i => i, i => MissingOneYear.Of(analysed.Where(o => o.Indication == i), asOf));
        ct.ThrowIfCancellationRequested();

        await progress(new(90, "Storing the snapshot"));
        var stored = new StatisticsSnapshot
        {
            FilterKey = filter.Key(),
            AsOf = asOf,
            ComputedAt = clock.GetUtcNow().UtcDateTime,
            ComputedBy = computedBy,
            RunId = runId,
            Fingerprint = fingerprint.ToString(),
            Json = snapshot.ToJson(),
            MissingJson = JsonSerializer.Serialize(missing),
        };
        db.StatisticsSnapshots.Add(stored);
        await db.SaveChangesAsync(ct);
        return new Result(stored, snapshot);
    }

    private static Task<StatisticsSnapshot?> StoredByAsync(RegistryDbContext db, long runId, string filterKey, DateOnly asOf, CancellationToken ct) =>
        db.StatisticsSnapshots.AsNoTracking().Where(s => s.RunId == runId && s.FilterKey == filterKey && s.AsOf == asOf).OrderBy(s => s.Id).FirstOrDefaultAsync(ct);
}
