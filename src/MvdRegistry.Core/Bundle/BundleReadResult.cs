namespace MvdRegistry.Core.Bundle;

public sealed class BundleReadResult
{
    /// <summary>The bundle's own records (parents from the registry are linked but not listed).</summary>
    public RegistryData Data { get; init; } = new();

    public List<BundleProblem> Problems { get; } = [];

    public List<BundleProblem> Warnings { get; } = [];

    public bool IsValid => Problems.Count == 0;
}
