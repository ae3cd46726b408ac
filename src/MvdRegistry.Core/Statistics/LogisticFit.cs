namespace MvdRegistry.Core.Statistics;

/// <summary>A fitted logistic model; Terms, Deviance and Aic are present only when Status is Converged.</summary>
public sealed record LogisticFit(
    LogisticStatus Status,
    int N,
    int Events,
    int Iterations,
    IReadOnlyList<LogisticTerm>? Terms,
    double? Deviance,
    double? Aic)
{
    public bool Converged => Status == LogisticStatus.Converged;
}
