using MvdRegistry.Core.Statistics.Snapshot;
using MvdRegistry.Reporting.Charts;
using MvdRegistry.Reporting.Tests.Support;
using ScottPlot.Plottables;

namespace MvdRegistry.Reporting.Tests.Charts;

public class LsrCurvesChartTests
{
    [Fact]
    public void Both_groups_are_drawn_with_their_sizes_and_the_log_rank_p_value_of_R()
    {
        var chart = LsrCurvesChart.Build(ReferenceSnapshot.Snapshot.LogrankLsr)!;

        // expected.json logrank_lsr: n = [50, 151], p = 0.0482561803563985.
        var lines = chart.Plot.GetPlottables().OfType<Scatter>().Select(s => s.LegendText).ToArray();
        Assert.Equal(["LSR disappeared (n = 151)", "LSR persisted (n = 50)"], lines);
        var note = Assert.Single(chart.Plot.GetPlottables().OfType<Annotation>());
        Assert.Equal("Log-rank p = 0.048", note.Text);
    }

    [Fact]
    public void Persisted_is_dashed_vermillion_disappeared_blue_and_the_days_run_to_the_longer_curves_end()
    {
        // Hand-made curves in the snapshot's order (persisted, then disappeared): persisted resolves on day 12.5 and runs to
        // day 30, disappeared resolves on day 4 and runs to day 20.
        Core.Statistics.KaplanMeierResult persisted = new(50, 32, 12.5, 10, 20, [new Core.Statistics.KaplanMeierRow(12.5, 50, 32, 0.36, 0.07, 0.25, 0.5)],
            [new Core.Statistics.CensoredAt(30, 18)]);
        Core.Statistics.KaplanMeierResult disappeared = new(151, 124, 4, 3, 6, [new Core.Statistics.KaplanMeierRow(4, 151, 124, 0.18, 0.03, 0.13, 0.25)],
            [new Core.Statistics.CensoredAt(20, 27)]);
        var logRank = ReferenceSnapshot.Snapshot.LogrankLsr with { Curves = [persisted, disappeared] };

        var chart = LsrCurvesChart.Build(logRank)!;

        var lines = chart.Plot.GetPlottables().OfType<Scatter>().ToArray();
        Assert.Equal(
            [("LSR disappeared (n = 151)", ChartPalette.Blue, ScottPlot.LinePattern.Solid), ("LSR persisted (n = 50)", ChartPalette.Vermillion, ScottPlot.LinePattern.Dashed)],
            lines.Select(l => (l.LegendText, l.Color, l.LinePattern)));
        Assert.Equal(30 * 1.02, chart.Plot.Axes.GetLimits().Right, 1e-9);
        Assert.True(chart.Plot.Legend.IsVisible);
        Assert.Equal(ScottPlot.Alignment.UpperRight, chart.Plot.Legend.Alignment);
        Assert.Equal(
            "Two Kaplan-Meier step curves of the proportion not yet resolved, in days after surgery: LSR disappeared (151 operations, 124 resolved, " +
            "median 4 days) and LSR persisted (50 operations, 32 resolved, median 12.5 days). Log-rank p = 0.048.",
            chart.Description);
    }

    [Theory]
    [InlineData(0.0004, "Log-rank p < 0.001")]
    [InlineData(0.001, "Log-rank p = 0.001")]
    [InlineData(0.5, "Log-rank p = 0.500")]
    [InlineData(null, "Log-rank test not computable")]
    public void The_p_value_is_written_as_the_statistics_page_writes_it(double? p, string text)
    {
        Assert.Equal(text, LsrCurvesChart.PValueText(p));
    }

    [Fact]
    public void A_snapshot_without_per_group_curves_gives_no_chart()
    {
        var old = ReferenceSnapshot.Snapshot.LogrankLsr with { Curves = null };

        Assert.Null(LsrCurvesChart.Build(old));
    }
}
