using MvdRegistry.Core.Tests.Support;
using System.Text.Json.Nodes;
using MvdRegistry.Core.Bundle;
using MvdRegistry.Core.Statistics.Snapshot;

namespace MvdRegistry.Core.Tests.Statistics;

/// <summary>registry-small and its expected.json, read once for every test that needs them.</summary>
public static class ReferenceRegistry
{
    /// <summary>After the last date in the bundle (2026-11-01), so that no date is "in the future".</summary>
    public static readonly DateOnly AsOf = new(2026, 12, 31);

    private static readonly Lazy<RegistryData> LazyData = new(Load);

    public static RegistryData Data => LazyData.Value;

    public static JsonNode Expected() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(SharedFolder.Reference("registry-small"), "expected.json")))!;

    public static RegistrySnapshot Compute() => RegistryStatistics.Compute(Data.Patients, AsOf);

    private static RegistryData Load()
    {
        var result = BundleReader.Read(SharedFolder.Reference("registry-small"), AsOf);
        if (result.Problems.Count > 0)
            throw new InvalidOperationException("registry-small does not read cleanly:\n" + string.Join("\n", result.Problems));
        return result.Data;
    }
}
