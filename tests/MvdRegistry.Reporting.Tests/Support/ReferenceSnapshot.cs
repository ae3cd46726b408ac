using System.Text.Json.Nodes;
using MvdRegistry.Core.Statistics.Snapshot;
using MvdRegistry.Core.Tests.Statistics;

namespace MvdRegistry.Reporting.Tests.Support;

/// <summary>The snapshot of ../shared/reference/registry-small and R's expected.json for it, computed and read once.</summary>
public static class ReferenceSnapshot
{
    private static readonly Lazy<RegistrySnapshot> LazySnapshot = new(ReferenceRegistry.Compute);

    public static RegistrySnapshot Snapshot => LazySnapshot.Value;

    public static JsonNode Expected { get; } = ReferenceRegistry.Expected();
}
