namespace MvdRegistry.Core.Statistics;

/// <summary>One coefficient with its Wald statistics and its odds ratio's Wald 95% interval.</summary>
public sealed record LogisticTerm(
    string Term,
    double Estimate,
    double StdError,
    double Z,
    double P,
    double OddsRatio,
    double OrLower,
    double OrUpper);
