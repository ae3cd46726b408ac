using MvdRegistry.Core.Statistics;
using MvdRegistry.Reporting.Charts;
using MvdRegistry.Reporting.Tests.Support;
using ScottPlot.Plottables;

namespace MvdRegistry.Reporting.Tests.Charts;

public class OddsRatioChartTests
{
    [Fact]
    public void Each_predictor_is_Rs_odds_ratio_and_interval_on_a_log10_axis_first_term_on_top()
    {
        var expected = ReferenceSnapshot.Expected["logistic"]!["terms"]!.AsArray().Where(t => t!["term"]!.GetValue<string>() != "intercept").ToArray();

        var chart = OddsRatioChart.Build(ReferenceSnapshot.Snapshot.Logistic)!;

        var points = chart.Plot.GetPlottables().OfType<Marker>().ToArray();
        var whiskers = chart.Plot.GetPlottables().OfType<LinePlot>().ToArray();
        Assert.Equal(6, expected.Length);
        Assert.Equal(6, points.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            // Terms run from the top (y = 6) down, in the model's order.
            Assert.Equal(6 - i, points[i].Y);
            Assert.Equal(Math.Log10(expected[i]!["odds_ratio"]!.GetValue<double>()), points[i].X, 1e-5);
            Assert.Equal(Math.Log10(expected[i]!["or_lower"]!.GetValue<double>()), whiskers[i].Start.X, 1e-5);
            Assert.Equal(Math.Log10(expected[i]!["or_upper"]!.GetValue<double>()), whiskers[i].End.X, 1e-5);
        }
        var termLabels = DrawnTicks.Labels(chart, p => p.Axes.Left);
        Assert.Equal(["Age (per 10 years)", "Male sex", "Symptom duration (per year)", "LSR disappeared", "Vertebral artery involved", "Botulinum toxin before surgery"], termLabels);
        var noEffect = Assert.Single(chart.Plot.GetPlottables().OfType<VerticalLine>());
        Assert.Equal(0, noEffect.X);
    }

    [Fact]
    public void The_x_axis_is_labelled_in_odds_ratios_not_logarithms()
    {
        var chart = OddsRatioChart.Build(ReferenceSnapshot.Snapshot.Logistic)!;

        var ticks = DrawnTicks.Of(chart, p => p.Axes.Bottom);
        var one = Assert.Single(ticks, t => t.Label == "1");
        Assert.Equal(0, one.Position);
        Assert.Equal(1, Assert.Single(ticks, t => t.Label == "10").Position, 1e-12);
    }

    [Fact]
    public void The_x_axis_runs_from_the_tick_below_the_lowest_bound_to_the_tick_above_the_highest()
    {
        // expected.json: the lowest bound 0.086 (vertebral artery), the highest 46.5 (LSR disappeared).
        var chart = OddsRatioChart.Build(ReferenceSnapshot.Snapshot.Logistic)!;

        var ticks = DrawnTicks.Labels(chart, p => p.Axes.Bottom);
        Assert.Equal(["0.05", "0.1", "0.2", "0.3", "0.5", "0.7", "1", "1.5", "2", "3", "5", "10", "20", "50"], ticks);
        // log10(0.05) to log10(50), and 4% of that span on each side; a row for each term, half a row of margin.
        var limits = chart.Plot.Axes.GetLimits();
        Assert.Equal(Math.Log10(0.05) - 0.12, limits.Left, 1e-9);
        Assert.Equal(Math.Log10(50) + 0.12, limits.Right, 1e-9);
        Assert.Equal(0.4, limits.Bottom, 1e-9);
        Assert.Equal(6.6, limits.Top, 1e-9);
        Assert.False(chart.Plot.Grid.YAxisStyle.IsVisible);
        Assert.Equal("", chart.Plot.Axes.Left.Label.Text);
        Assert.Equal((ChartStyle.Width, 80 + 48 * 6), (chart.Width, chart.Height));
    }

    [Fact]
    public void Bounds_on_a_tick_end_the_axis_there_and_1_is_always_inside()
    {
        var term = new LogisticTerm("male", 0.4, 0.1, 4, 0.001, 1.5, 1.2, 2);
        var logistic = ReferenceSnapshot.Snapshot.Logistic with { Terms = [term] };

        var chart = OddsRatioChart.Build(logistic)!;

        var ticks = DrawnTicks.Labels(chart, p => p.Axes.Bottom);
        Assert.Equal(["1", "1.5", "2"], ticks);
        var limits = chart.Plot.Axes.GetLimits();
        Assert.Equal(-Math.Log10(2) * 0.04, limits.Left, 1e-9);
        Assert.Equal(Math.Log10(2) * 1.04, limits.Right, 1e-9);
    }

    [Fact]
    public void The_text_alternative_lists_each_odds_ratio_with_its_interval()
    {
        var chart = OddsRatioChart.Build(ReferenceSnapshot.Snapshot.Logistic)!;

        // expected.json's logistic terms, to two decimals; 104 complete cases.
        Assert.Equal(
            "Forest plot of 6 odds ratios of success at one year, 104 complete cases: Age (per 10 years) 1.41 (95% CI 0.75 to 2.65); " +
            "Male sex 0.86 (95% CI 0.22 to 3.33); Symptom duration (per year) 0.88 (95% CI 0.79 to 0.98); " +
            "LSR disappeared 11.52 (95% CI 2.86 to 46.47); Vertebral artery involved 0.39 (95% CI 0.09 to 1.81); " +
            "Botulinum toxin before surgery 1.31 (95% CI 0.32 to 5.41). Odds ratios above 1 favour success.",
            chart.Description);
        Assert.Equal(OddsRatioChart.Title, chart.Title);
    }

    [Fact]
    public void A_converged_model_without_terms_gives_no_chart()
    {
        Assert.Null(OddsRatioChart.Build(ReferenceSnapshot.Snapshot.Logistic with { Terms = null }));
        Assert.Null(OddsRatioChart.Build(ReferenceSnapshot.Snapshot.Logistic with { Terms = [ReferenceSnapshot.Snapshot.Logistic.Terms![0]] }));
    }

    [Fact]
    public void A_model_without_estimates_gives_no_chart()
    {
        var separated = ReferenceSnapshot.Snapshot.Logistic with { Status = LogisticStatus.Separated, Converged = false, Terms = null };

        Assert.Null(OddsRatioChart.Build(separated));
    }
}
