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
        _ = chart.ToPng(); // ticks are chosen when drawn

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
        var termLabels = ((ScottPlot.TickGenerators.NumericManual)chart.Plot.Axes.Left.TickGenerator).Ticks.Select(t => t.Label);
        Assert.Equal(["Age (per 10 years)", "Male sex", "Symptom duration (per year)", "LSR disappeared", "Vertebral artery involved", "Botulinum toxin before surgery"], termLabels);
        var noEffect = Assert.Single(chart.Plot.GetPlottables().OfType<VerticalLine>());
        Assert.Equal(0, noEffect.X);
    }

    [Fact]
    public void The_x_axis_is_labelled_in_odds_ratios_not_logarithms()
    {
        var chart = OddsRatioChart.Build(ReferenceSnapshot.Snapshot.Logistic)!;
        _ = chart.ToPng(); // ticks are chosen when drawn

        var ticks = ((ScottPlot.TickGenerators.NumericManual)chart.Plot.Axes.Bottom.TickGenerator).Ticks;
        var one = Assert.Single(ticks, t => t.Label == "1");
        Assert.Equal(0, one.Position);
        Assert.Equal(1, Assert.Single(ticks, t => t.Label == "10").Position, 1e-12);
    }

    [Fact]
    public void A_model_without_estimates_gives_no_chart()
    {
        var separated = ReferenceSnapshot.Snapshot.Logistic with { Status = LogisticStatus.Separated, Converged = false, Terms = null };

        Assert.Null(OddsRatioChart.Build(separated));
    }
}
