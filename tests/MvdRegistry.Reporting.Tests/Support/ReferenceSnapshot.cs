using System.Text.Json.Nodes;
using MvdRegistry.Core.Bundle;
using MvdRegistry.Core.Statistics.Snapshot;

namespace MvdRegistry.Reporting.Tests.Support;

/// <summary>The snapshot of ../shared/reference/registry-small and R's expected.json for it, read once.</summary>
public static class ReferenceSnapshot
{
    private static readonly DateOnly AsOf = new(2026, 12, 31);

    private static readonly string Folder = Path.Combine(SharedRoot(), "reference", "registry-small");

    private static readonly Lazy<RegistrySnapshot> LazySnapshot = new(() =>
    {
        var read = BundleReader.Read(Folder, AsOf);
        if (read.Problems.Count > 0) throw new InvalidOperationException(string.Join("\n", read.Problems));
        return RegistryStatistics.Compute(read.Data.Patients, AsOf);
    });

    public static RegistrySnapshot Snapshot => LazySnapshot.Value;

    public static JsonNode Expected { get; } = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "expected.json")))!;

    private static string SharedRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MvdRegistry.sln")))
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
        throw new DirectoryNotFoundException("MvdRegistry.sln not found above " + AppContext.BaseDirectory);
    }
}
