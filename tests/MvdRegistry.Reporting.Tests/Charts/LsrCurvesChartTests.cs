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
