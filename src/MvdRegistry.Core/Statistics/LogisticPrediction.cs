namespace MvdRegistry.Core.Statistics;

/// <summary>
/// A fitted logistic model's predicted probability for one covariate row, with its Wald 95% interval
/// taken on the logit scale and transformed back, as R's <c>predict(fit, newdata, se.fit = TRUE)</c>
/// then <c>plogis(fit ± z · se.fit)</c>: eta = x'b, se(eta) = sqrt(x'Vx), p = expit(eta). The interval
/// stays within 0 and 1 and is not symmetric around p.
/// </summary>
public sealed record LogisticPrediction(double Eta, double StdError, double P, double Lower, double Upper)
{
    /// <param name="x">The design row, the intercept's 1 included, in the order of the coefficients.</param>
    /// <param name="coefficients">The fitted coefficients b.</param>
    /// <param name="covariance">Their covariance matrix V, one row per coefficient.</param>
    public static LogisticPrediction At(IReadOnlyList<double> x, IReadOnlyList<double> coefficients, IReadOnlyList<IReadOnlyList<double>> covariance, double z = Z.Z95)
    {
        var p = coefficients.Count;
        if (x.Count != p) throw new ArgumentException($"the row has {x.Count} values for {p} coefficients", nameof(x));
        if (covariance.Count != p || covariance.Any(row => row.Count != p))
            throw new ArgumentException($"the covariance matrix is not {p} by {p}", nameof(covariance));

        double eta = 0, variance = 0;
        for (var j = 0; j < p; j++)
        {
            eta += x[j] * coefficients[j];
            for (var k = 0; k < p; k++) variance += x[j] * covariance[j][k] * x[k];
        }
        // A covariance matrix is positive semi-definite: x'Vx below zero is rounding, or a matrix that is none.
        if (!double.IsFinite(eta) || !double.IsFinite(variance) || variance < -1e-12 * Math.Max(1, Math.Abs(eta)))
            throw new ArgumentException("the coefficients or their covariance give no finite, non-negative variance", nameof(covariance));
        var se = Math.Sqrt(Math.Max(variance, 0));
        return new LogisticPrediction(eta, se, Expit(eta), Expit(eta - z * se), Expit(eta + z * se));
    }

    /// <summary>The inverse of the logit, 1 / (1 + e^-eta), written to stay exact for large |eta|.</summary>
    public static double Expit(double eta) => eta >= 0 ? 1 / (1 + Math.Exp(-eta)) : Math.Exp(eta) / (1 + Math.Exp(eta));
}
