using MvdRegistry.Core.Bundle;

namespace MvdRegistry.Reporting.Import;

public sealed record ImportResult(
    IReadOnlyList<BundleProblem> Problems,
    IReadOnlyList<BundleProblem> Warnings,
    int Inserted,
    int Updated,
    int Unchanged)
{
    public bool Succeeded => Problems.Count == 0;
}
