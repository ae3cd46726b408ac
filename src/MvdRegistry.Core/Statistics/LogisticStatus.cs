namespace MvdRegistry.Core.Statistics;

public enum LogisticStatus
{
    Converged,
    /// <summary>The iteration limit was reached before the deviance settled.</summary>
    NotConverged,
    /// <summary>An outcome is perfectly predicted by the covariates: the estimates run to infinity.</summary>
    Separated,
    /// <summary>The covariates are collinear (or too few rows): the information matrix cannot be inverted.</summary>
    Singular,
    NoData,
}
