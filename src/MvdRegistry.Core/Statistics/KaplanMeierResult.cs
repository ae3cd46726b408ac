namespace MvdRegistry.Core.Statistics;

/// <summary>
/// A Kaplan-Meier curve; the median and its bounds are null when their curve never gets down to 0.5.
/// Censored lists the censoring times (for a plot's censoring marks); null in snapshots written before it existed.
/// </summary>
public sealed record KaplanMeierResult(
    int N,
    int Events,
    double? Median,
    double? MedianLower,
    double? MedianUpper,
    IReadOnlyList<KaplanMeierRow> Table,
    IReadOnlyList<CensoredAt>? Censored = null);
