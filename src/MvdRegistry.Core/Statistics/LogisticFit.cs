namespace MvdRegistry.Core.Statistics;

/// <summary>
/// A fitted logistic model; Terms, Covariance, Deviance and Aic are present only when Status is Converged.
/// Covariance is the coefficients' covariance matrix (the inverse Fisher information at convergence),
/// one row per term in the order of Terms.
/// </summary>
public sealed record LogisticFit(
    LogisticStatus Status,
    int N,
    int Events,
    int Iterations,
    IReadOnlyList<LogisticTerm>? Terms,
    double? Deviance,
    double? Aic,
    IReadOnlyList<double[]>? Covariance = null)
{
    public bool Converged => Status == LogisticStatus.Converged;
}
