using System.Text.Json.Nodes;
using MvdRegistry.Core.Statistics;
using MvdRegistry.Core.Statistics.Snapshot;

namespace MvdRegistry.Core.Tests.Statistics;

/// <summary>
/// A logistic model's prediction for one profile with its interval on the logit scale, against values
/// worked out by hand and R's <c>predict(glm, newdata, se.fit = TRUE)</c>.
/// </summary>
public class LogisticPredictionTests
{
    private const double Z = 1.959963984540054;

    private static double Expit(double eta) => 1 / (1 + Math.Exp(-eta));

    [Fact]
    public void A_binary_covariate_predicts_each_group_s_own_rate_with_the_closed_form_logit_interval()
    {
        // x = 0: 3 of 10 succeed; x = 1: 6 of 10. The saturated model predicts each group's own rate,
        // and the standard error of a group's log-odds is sqrt(1/successes + 1/failures):
        // x = 1: log(6/4), sqrt(1/6 + 1/4); x = 0: log(3/7), sqrt(1/3 + 1/7).
        double[][] x = [.. Enumerable.Repeat(new double[] { 1, 0 }, 10), .. Enumerable.Repeat(new double[] { 1, 1 }, 10)];
        bool[] y = [.. Enumerable.Range(0, 10).Select(i => i < 3), .. Enumerable.Range(0, 10).Select(i => i < 6)];
        var fit = LogisticRegression.Fit(x, y, ["intercept", "x"]);
        var b = fit.Terms!.Select(t => t.Estimate).ToArray();

        var one = LogisticPrediction.At([1, 1], b, fit.Covariance!);
        var zero = LogisticPrediction.At([1, 0], b, fit.Covariance!);

        var (seOne, seZero) = (Math.Sqrt(1.0 / 6 + 1.0 / 4), Math.Sqrt(1.0 / 3 + 1.0 / 7));
        Assert.Equal(0.6, one.P, 1e-10);
        Assert.Equal(Math.Log(1.5), one.Eta, 1e-10);
        Assert.Equal(seOne, one.StdError, 1e-8);
        Assert.Equal(Expit(Math.Log(1.5) - Z * seOne), one.Lower, 1e-8);
        Assert.Equal(Expit(Math.Log(1.5) + Z * seOne), one.Upper, 1e-8);
        Assert.Equal(0.3, zero.P, 1e-10);
        Assert.Equal(seZero, zero.StdError, 1e-8);
        Assert.Equal(Expit(Math.Log(3.0 / 7) - Z * seZero), zero.Lower, 1e-8);
        Assert.Equal(Expit(Math.Log(3.0 / 7) + Z * seZero), zero.Upper, 1e-8);
    }

    [Fact]
    public void The_reference_registry_s_model_keeps_R_s_covariance_matrix()
    {
        // vcov(glm(...)) in R 4.2 on registry-small, the model of OUTCOMES.md item 7 (its coefficients
        // are expected.json's): the diagonal and a few entries off it.
        var v = ReferenceRegistry.Compute().Logistic.Covariance!;

        Assert.Equal(7, v.Count);
        Assert.Equal(3.34961821269468141, v[0][0], 1e-5 * 3.35);
        Assert.Equal(0.10369985144869749, v[1][1], 1e-5 * 0.104);
        Assert.Equal(0.47417359688269173, v[2][2], 1e-5 * 0.474);
        Assert.Equal(0.00297386183426752, v[3][3], 1e-5 * 0.00297);
        Assert.Equal(0.5065066779326165, v[4][4], 1e-5 * 0.507);
        Assert.Equal(0.60186011877945622, v[5][5], 1e-5 * 0.602);
        Assert.Equal(0.52559411123500244, v[6][6], 1e-5 * 0.526);
        Assert.Equal(-0.52808866458186654, v[0][1], 1e-5 * 0.528);
        Assert.Equal(-0.49339278041130957, v[4][0], 1e-5 * 0.493);
        Assert.Equal(-0.05444476742945455, v[5][6], 1e-5 * 0.0544);
        Assert.Equal(v[5][6], v[6][5]);
    }

    public static TheoryData<int, int, double, bool, bool, bool, double, double, double, double> RProfiles => new()
    {
        // age, male, months, lsr disappeared, VA, botox -> R's fit (eta), se.fit, plogis(fit), plogis(fit -/+ z se.fit)
        { 55, 0, 36, true, false, true, 3.648760408437501, 0.766501074362074, 0.974636672055232, 0.8953361931320108 },
        { 55, 0, 36, false, false, true, 1.204772922617650, 0.679668564155750, 0.769372771466423, 0.4682047156508724 },
        { 72, 1, 120, true, true, false, 2.020899807046642, 1.158911790736004, 0.882974019042035, 0.4376941441176728 },
        { 72, 1, 120, false, true, false, -0.423087678773209, 1.079911186656330, 0.395778132316159, 0.0731232172093126 },
        { 30, 1, 6, true, false, false, 2.682265180808699, 1.169918855666057, 0.935972006411916, 0.5961060776619885 },
    };

    [Theory]
    [MemberData(nameof(RProfiles))]
    public void The_reference_registry_s_model_predicts_as_R_does(int age, int male, double months, bool lsr, bool va, bool botox,
        double eta, double se, double p, double lower)
    {
        var model = ReferenceRegistry.Compute().Logistic;
        var b = model.Terms!.Select(t => t.Estimate).ToArray();

        var prediction = LogisticPrediction.At(LogisticSection.Row(age, male == 1, months, lsr, va, botox), b, model.Covariance!);

        Assert.Equal(eta, prediction.Eta, 1e-5 * Math.Abs(eta));
        Assert.Equal(se, prediction.StdError, 1e-5 * se);
        Assert.Equal(p, prediction.P, 1e-5 * p);
        Assert.Equal(lower, prediction.Lower, 1e-5 * lower);
        Assert.True(prediction.Lower < prediction.P && prediction.P < prediction.Upper);
    }

    [Fact]
    public void The_upper_bound_matches_R_for_the_widest_profile()
    {
        // The fourth profile above: plogis(fit + z se.fit) = 0.844683804772399.
        var model = ReferenceRegistry.Compute().Logistic;
        var prediction = LogisticPrediction.At(LogisticSection.Row(72, true, 120, false, true, false),
            model.Terms!.Select(t => t.Estimate).ToArray(), model.Covariance!);

        Assert.Equal(0.844683804772399, prediction.Upper, 1e-5 * 0.845);
    }

    [Fact]
    public void The_model_keeps_the_ages_and_durations_it_was_fitted_on()
    {
        // The complete cases of registry-small (R: range(age), range(symptom_duration_months) over model.frame).
        var range = ReferenceRegistry.Compute().Logistic.DataRange!;

        Assert.Equal((RAgeMin, RAgeMax, RMonthsMin, RMonthsMax), (range.AgeMin, range.AgeMax, range.DurationMonthsMin, range.DurationMonthsMax));
    }

    // From R: range() of the model frame's age and symptom_duration_months (see the test above).
    private const int RAgeMin = 26, RAgeMax = 80, RMonthsMin = 5, RMonthsMax = 389;

    [Fact]
    public void A_row_or_a_matrix_of_the_wrong_size_is_refused()
    {
        double[] b = [0.5, 1];
        double[][] v = [[1, 0], [0, 1]];

        Assert.StartsWith("the row has 3 values for 2 coefficients", Assert.Throws<ArgumentException>(() => LogisticPrediction.At([1, 2, 3], b, v)).Message);
        Assert.StartsWith("the covariance matrix is not 2 by 2", Assert.Throws<ArgumentException>(() => LogisticPrediction.At([1, 2], b, [[1, 0]])).Message);
        Assert.StartsWith("the covariance matrix is not 2 by 2", Assert.Throws<ArgumentException>(() => LogisticPrediction.At([1, 2], b, [[1, 0], [0]])).Message);
        Assert.StartsWith("the coefficients or their covariance give no finite, non-negative variance",
            Assert.Throws<ArgumentException>(() => LogisticPrediction.At([1, 2], b, [[-1, 0], [0, -1]])).Message);
    }

    [Fact]
    public void Coefficients_or_a_covariance_that_are_not_finite_are_refused()
    {
        Assert.Throws<ArgumentException>(() => LogisticPrediction.At([1], [double.NaN], [[1.0]]));
        Assert.Throws<ArgumentException>(() => LogisticPrediction.At([1], [0.5], [[double.PositiveInfinity]]));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-5e-12)] // rounding: within 1e-12 times |eta| = 10 below zero
    public void A_variance_of_zero_or_rounding_below_it_gives_no_spread(double variance)
    {
        var prediction = LogisticPrediction.At([1], [10], [[variance]]);

        Assert.Equal(0, prediction.StdError);
        Assert.Equal(1 / (1 + Math.Exp(-10)), prediction.P, 1e-15);
        Assert.Equal((prediction.P, prediction.P), (prediction.Lower, prediction.Upper));
    }

    [Fact]
    public void Expit_is_the_logistic_function_and_stays_finite_far_out()
    {
        Assert.Equal(0.5, LogisticPrediction.Expit(0));
        Assert.Equal(1 / (1 + Math.Exp(-2)), LogisticPrediction.Expit(2), 1e-15);
        Assert.Equal(Math.Exp(-2) / (1 + Math.Exp(-2)), LogisticPrediction.Expit(-2), 1e-15);
        Assert.Equal(1.0, LogisticPrediction.Expit(800));
        Assert.True(LogisticPrediction.Expit(-700) is > 0 and < 1e-300);
    }

    [Fact]
    public void A_failed_fit_has_no_covariance()
    {
        var fit = LogisticRegression.Fit([[1, 1], [1, 2], [1, 3], [1, 4]], [false, false, true, true], ["intercept", "x"]);

        Assert.Equal(LogisticStatus.Separated, fit.Status);
        Assert.Null(fit.Covariance);
    }

    [Fact]
    public void A_snapshot_stored_before_the_covariance_was_kept_reads_back_without_it()
    {
        var json = JsonNode.Parse(ReferenceRegistry.Compute().ToJson())!;
        Assert.NotNull(json["logistic"]!["covariance"]);
        json["logistic"]!.AsObject().Remove("covariance");
        json["logistic"]!.AsObject().Remove("data_range");

        var read = RegistrySnapshot.FromJson(json.ToJsonString());

        Assert.Null(read.Logistic.Covariance);
        Assert.Null(read.Logistic.DataRange);
        Assert.Equal(7, read.Logistic.Terms!.Count);
    }
}
