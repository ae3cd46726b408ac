using MvdRegistry.Core.Statistics;

namespace MvdRegistry.Core.Tests.Statistics;

public class LogisticRegressionTests
{
    private static readonly string[] Terms = ["intercept", "x"];

    private static (double[][] X, bool[] Y) Data(params (double X, bool Y)[] rows) =>
        (rows.Select(r => new[] { 1, r.X }).ToArray(), rows.Select(r => r.Y).ToArray());

    private static (double X, bool Y)[] Repeat(double x, bool y, int count) => Enumerable.Repeat((x, y), count).ToArray();

    [Fact]
    public void A_binary_covariate_gives_the_closed_form_log_odds_ratio_and_its_standard_error()
    {
        // x = 0: 3 successes, 7 failures; x = 1: 6 successes, 4 failures. The saturated model's
        // MLE is closed form: intercept = log(3/7), slope = log((6/4)/(3/7)) = log 3.5,
        // se(slope) = sqrt(1/3 + 1/7 + 1/6 + 1/4), se(intercept) = sqrt(1/3 + 1/7),
        // deviance = -2 * (3 log .3 + 7 log .7 + 6 log .6 + 4 log .4) = 25.6775194.
        var (x, y) = Data([.. Repeat(0, true, 3), .. Repeat(0, false, 7), .. Repeat(1, true, 6), .. Repeat(1, false, 4)]);

        var fit = LogisticRegression.Fit(x, y, Terms);

        Assert.Equal(LogisticStatus.Converged, fit.Status);
        Assert.Equal((20, 9), (fit.N, fit.Events));
        var intercept = fit.Terms![0];
        var slope = fit.Terms[1];
        Assert.Equal(-0.847297860387204, intercept.Estimate, 1e-10);
        Assert.Equal(0.690065559342354, intercept.StdError, 1e-8);
        Assert.Equal(1.25276296849537, slope.Estimate, 1e-10);
        Assert.Equal(0.944911182523068, slope.StdError, 1e-8);
        Assert.Equal(3.5, slope.OddsRatio, 1e-9);
        Assert.Equal(Math.Exp(1.25276296849537 - 1.959963984540054 * 0.944911182523068), slope.OrLower, 1e-8);
        Assert.Equal(25.677519381283, fit.Deviance!.Value, 1e-9);
        Assert.Equal(25.677519381283 + 4, fit.Aic!.Value, 1e-9);
    }

    [Fact]
    public void Completely_separated_data_are_reported_as_separated_without_estimates()
    {
        var (x, y) = Data([.. Enumerable.Range(1, 10).Select(i => ((double)i, i > 5))]);

        var fit = LogisticRegression.Fit(x, y, Terms);

        Assert.Equal(LogisticStatus.Separated, fit.Status);
        Assert.False(fit.Converged);
        Assert.Null(fit.Terms);
        Assert.Null(fit.Deviance);
        Assert.Null(fit.Aic);
    }

    [Fact]
    public void Quasi_separated_data_are_reported_as_separated()
    {
        // x <= 4 always fails and x >= 6 always succeeds; only x = 5 has both outcomes.
        var (x, y) = Data([.. Enumerable.Range(1, 10).Select(i => ((double)i, i > 5)), (5, true)]);

        Assert.Equal(LogisticStatus.Separated, LogisticRegression.Fit(x, y, Terms).Status);
    }

    [Fact]
    public void An_outcome_that_never_varies_is_separated()
    {
        var (allEvents, yes) = Data((1, true), (2, true), (3, true));
        var (noEvents, no) = Data((1, false), (2, false), (3, false));

        var allFit = LogisticRegression.Fit(allEvents, yes, Terms);
        var noneFit = LogisticRegression.Fit(noEvents, no, Terms);

        // Known before any iteration.
        Assert.Equal((LogisticStatus.Separated, 0), (allFit.Status, allFit.Iterations));
        Assert.Equal((LogisticStatus.Separated, 0), (noneFit.Status, noneFit.Iterations));
    }

    [Fact]
    public void A_fit_stopped_before_the_deviance_settles_is_reported_as_not_converged()
    {
        var (x, y) = Data([.. Repeat(0, true, 3), .. Repeat(0, false, 7), .. Repeat(1, true, 6), .. Repeat(1, false, 4)]);

        var fit = LogisticRegression.Fit(x, y, Terms, maxIterations: 2);

        Assert.Equal((LogisticStatus.NotConverged, 2), (fit.Status, fit.Iterations));
        Assert.Null(fit.Terms);
    }

    [Fact]
    public void Collinear_covariates_are_reported_as_singular()
    {
        double[][] x = [[1, 1, 2], [1, 2, 4], [1, 3, 6], [1, 4, 8]];
        bool[] y = [true, false, true, false];

        var fit = LogisticRegression.Fit(x, y, ["intercept", "a", "twice_a"]);

        Assert.Equal(LogisticStatus.Singular, fit.Status);
        Assert.Null(fit.Terms);
    }

    [Fact]
    public void No_rows_is_reported_as_no_data()
    {
        Assert.Equal(LogisticStatus.NoData, LogisticRegression.Fit([], [], Terms).Status);
    }
}
