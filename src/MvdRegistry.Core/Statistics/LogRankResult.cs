namespace MvdRegistry.Core.Statistics;

/// <summary>
/// A two-group log-rank test; arrays are indexed by group. ChiSquare and P are null when the test has
/// no variance (no events, or an empty group).
/// </summary>
public sealed record LogRankResult(
    IReadOnlyList<int> N,
    IReadOnlyList<int> Observed,
    IReadOnlyList<double> Expected,
    double? ChiSquare,
    double? P);
