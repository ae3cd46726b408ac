using System.Text.Json;
using MvdRegistry.Core.Statistics.Snapshot;

namespace MvdRegistry.Application.Statistics.Snapshots;

/// <summary>What a stored snapshot holds, read from its two JSON columns: the statistics, and why one-year statuses are missing per indication.</summary>
public sealed record SnapshotValues(RegistrySnapshot Statistics, IReadOnlyDictionary<string, MissingOneYear> Missing)
{
    public static SnapshotValues Read(string json, string missingJson) => new(
        RegistrySnapshot.FromJson(json),
        JsonSerializer.Deserialize<Dictionary<string, MissingOneYear>>(missingJson) ?? []);
}
