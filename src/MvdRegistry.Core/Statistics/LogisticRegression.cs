using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace MvdRegistry.Core.Statistics;

/// <summary>
/// Logistic regression by iteratively reweighted least squares, as R's
/// <c>glm(family = binomial)</c>, iterated until the deviance changes by less than a relative 1e-14.
/// </summary>
public static class LogisticRegression
{
    public const double DefaultTolerance = 1e-14;
    public const int DefaultMaxIterations = 100;

    // A fitted probability this close to 0 or 1 (|eta| > 30) only happens when the estimates are
    // running off to infinity; R's binomial link clamps at the same point.
    private const double SeparationEta = 30;
    private static readonly double MachineEpsilon = Math.BitIncrement(1.0) - 1.0;

    /// <param name="x">One row per observation, the intercept column included.</param>
    /// <param name="y">The outcome of each row.</param>
    /// <param name="terms">A name for each column of <paramref name="x"/>.</param>
    public static LogisticFit Fit(
        IReadOnlyList<double[]> x,
        IReadOnlyList<bool> y,
        IReadOnlyList<string> terms,
        int maxIterations = DefaultMaxIterations,
        double tolerance = DefaultTolerance)
    {
        var n = x.Count;
        var events = y.Count(v => v);
        if (n == 0) return Failed(LogisticStatus.NoData, 0, 0, 0);
        // Every row has the same outcome: the intercept alone separates them.
        if (events == 0 || events == n) return Failed(LogisticStatus.Separated, n, events, 0);

        // R's starting values: mu = (y + 0.5) / 2.
        var eta = y.Select(v => v ? Math.Log(3) : -Math.Log(3)).ToArray();
        var deviance = Deviance(eta, y);
        Vector<double>? beta = null;
        var iteration = 0;
        var converged = false;
        while (!converged && iteration < maxIterations)
        {
            iteration++;
            var (information, score) = WeightedNormalEquations(x, y, eta);
            if (!TrySolve(information, score, out beta)) return Failed(LogisticStatus.Singular, n, events, iteration);
            for (var i = 0; i < n; i++) eta[i] = Dot(x[i], beta);
            var previous = deviance;
            deviance = Deviance(eta, y);
            converged = Math.Abs(deviance - previous) / (Math.Abs(deviance) + 0.1) < tolerance;
        }

        if (eta.Any(e => Math.Abs(e) > SeparationEta)) return Failed(LogisticStatus.Separated, n, events, iteration);
        if (!converged) return Failed(LogisticStatus.NotConverged, n, events, iteration);

        var (finalInformation, _) = WeightedNormalEquations(x, y, eta);
        if (!TryInvert(finalInformation, out var covariance)) return Failed(LogisticStatus.Singular, n, events, iteration);
        var fitted = terms.Select((term, j) => Term(term, beta![j], Math.Sqrt(covariance[j, j]))).ToArray();
        // The solve leaves the inverse symmetric only up to rounding; the stored matrix is exactly symmetric.
        var rows = Enumerable.Range(0, covariance.RowCount)
            .Select(j => Enumerable.Range(0, covariance.ColumnCount).Select(k => (covariance[j, k] + covariance[k, j]) / 2).ToArray())
            .ToArray();
        return new LogisticFit(LogisticStatus.Converged, n, events, iteration, fitted, deviance, deviance + 2 * terms.Count, rows);
    }

    private static LogisticFit Failed(LogisticStatus status, int n, int events, int iterations) =>
        new(status, n, events, iterations, null, null, null);

    private static LogisticTerm Term(string name, double estimate, double se)
    {
        var z = estimate / se;
        return new LogisticTerm(
            name, estimate, se, z,
            2 * Normal.CDF(0, 1, -Math.Abs(z)),
            Math.Exp(estimate),
            Math.Exp(estimate - Z.Z95 * se),
            Math.Exp(estimate + Z.Z95 * se));
    }

    /// <summary>X'WX and X'Wz for the working weights and response at <paramref name="eta"/>.</summary>
    private static (Matrix<double> Information, Vector<double> Score) WeightedNormalEquations(IReadOnlyList<double[]> x, IReadOnlyList<bool> y, double[] eta)
    {
        var p = x[0].Length;
        var xtwx = new double[p, p];
        var xtwz = new double[p];
        for (var i = 0; i < x.Count; i++)
        {
            var mu = Logistic(eta[i]);
            // R floors the derivative of the inverse link at machine epsilon.
            var weight = Math.Max(mu * (1 - mu), MachineEpsilon);
            var working = eta[i] + ((y[i] ? 1 : 0) - mu) / weight;
            var row = x[i];
            for (var j = 0; j < p; j++)
            {
                var wx = weight * row[j];
                xtwz[j] += wx * working;
                for (var k = 0; k <= j; k++) xtwx[j, k] += wx * row[k];
            }
        }
        for (var j = 0; j < p; j++)
            for (var k = j + 1; k < p; k++) xtwx[j, k] = xtwx[k, j];
        return (Matrix<double>.Build.DenseOfArray(xtwx), Vector<double>.Build.DenseOfArray(xtwz));
    }

    private static bool TrySolve(Matrix<double> a, Vector<double> b, out Vector<double> solution)
    {
        try
        {
            solution = a.Cholesky().Solve(b);
            return solution.All(double.IsFinite);
        }
        catch (ArgumentException)
        {
            solution = b;
            return false;
        }
    }

    private static bool TryInvert(Matrix<double> a, out Matrix<double> inverse)
    {
        var identity = Matrix<double>.Build.DenseIdentity(a.RowCount);
        try
        {
            inverse = a.Cholesky().Solve(identity);
            return inverse.Enumerate().All(double.IsFinite);
        }
        catch (ArgumentException)
        {
            inverse = identity;
            return false;
        }
    }

    private static double Deviance(double[] eta, IReadOnlyList<bool> y)
    {
        // -2 log-likelihood, written with log(1 + e^t) so that it stays finite for any eta.
        double sum = 0;
        for (var i = 0; i < eta.Length; i++) sum += Softplus(y[i] ? -eta[i] : eta[i]);
        return 2 * sum;
    }

    private static double Softplus(double t) => t > 0 ? t + Math.Log(1 + Math.Exp(-t)) : Math.Log(1 + Math.Exp(t));

    private static double Logistic(double eta) => 1 / (1 + Math.Exp(-eta));

    private static double Dot(double[] row, Vector<double> beta)
    {
        double sum = 0;
        for (var j = 0; j < row.Length; j++) sum += row[j] * beta[j];
        return sum;
    }
}
