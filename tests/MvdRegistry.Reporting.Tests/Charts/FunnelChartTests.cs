using MvdRegistry.Core.Statistics.Snapshot;
using MvdRegistry.Reporting.Charts;
using MvdRegistry.Reporting.Tests.Support;
using ScottPlot;
using ScottPlot.Plottables;

namespace MvdRegistry.Reporting.Tests.Charts;

public class FunnelChartTests
{
    [Theory]
    [InlineData("surgeon")]
    [InlineData("site")]
    public void The_upper_limit_curves_pass_through_Rs_limits_at_each_ones_operations_and_p0_is_Rs(string unit)
    {
        var funnel = ReferenceSnapshot.Snapshot.Funnel;
        var expected = ReferenceSnapshot.Expected["funnel"]!;

        var chart = FunnelChart.Build(funnel.P0, unit == "surgeon" ? funnel.Surgeon : funnel.Site, r => r.Code, unit)!;

        var curves = chart.Plot.GetPlottables().OfType<Scatter>().ToArray();
        var upper95 = curves.Single(c => c.LegendText == "95% limits").Data.GetScatterPoints();
        var upper998 = curves.Single(c => c.LegendText == "99.8% limits").Data.GetScatterPoints();
        foreach (var row in expected[unit]!.AsArray())
        {
            var n = row!["operations"]!.GetValue<int>();
            Assert.Equal(row["limit95_upper"]!.GetValue<double>(), upper95.Single(p => p.X == n).Y, 1e-9);
            Assert.Equal(row["limit998_upper"]!.GetValue<double>(), upper998.Single(p => p.X == n).Y, 1e-9);
        }
        var p0 = chart.Plot.GetPlottables().OfType<HorizontalLine>().Single();
        Assert.Equal(expected["p0"]!.GetValue<double>(), p0.Y, 1e-9);
        Assert.Equal("Registry rate 4.1%", p0.LegendText);
    }

    [Fact]
    public void Each_site_is_a_point_at_its_operations_and_Rs_rate_named_by_its_code()
    {
        var funnel = ReferenceSnapshot.Snapshot.Funnel;
        var expected = ReferenceSnapshot.Expected["funnel"]!["site"]!.AsArray();

        var chart = FunnelChart.Build(funnel.P0, funnel.Site, r => r.Code, "site")!;

        var points = chart.Plot.GetPlottables().OfType<Marker>().Select(m => (m.X, m.Y)).ToArray();
        var labels = chart.Plot.GetPlottables().OfType<Text>().Select(t => t.LabelText).ToArray();
        Assert.Equal(expected.Count, points.Length);
        foreach (var row in expected)
        {
            var (n, rate) = (row!["operations"]!.GetValue<int>(), row["rate"]!.GetValue<double>());
            Assert.Contains(points, p => p.X == n && Math.Abs(p.Y - rate) < 1e-9);
            Assert.Contains(row["code"]!.GetValue<string>(), labels);
        }
    }

    [Fact]
    public void Beyond_ten_rows_only_those_above_the_95_percent_limit_and_the_readers_own_are_named()
    {
        // p0 = 0.1 at 50 operations: 95% upper limit 0.1 + 1.96 * sqrt(0.09 / 50) = 0.183.
        var rows = Enumerable.Range(1, 12)
            .Select(i => new FunnelRow($"S{i:00}", 50, i == 3 ? 15 : 5, i == 3 ? 0.30 : 0.10, 0, 1, 0.017, 0.183, 0, 0.231))
            .ToArray();

        var chart = FunnelChart.Build(0.1, rows, r => "Surgeon " + r.Code, "surgeon", r => r.Code == "S07")!;

        var labels = chart.Plot.GetPlottables().OfType<Text>().Select(t => t.LabelText).Order().ToArray();
        Assert.Equal(["Surgeon S03", "Surgeon S07 (you)"], labels);
        Assert.Equal(12, chart.Plot.GetPlottables().OfType<Marker>().Count());
        Assert.Contains("Above the 95% limit: Surgeon S03.", chart.Description);
    }

    /// <summary>
    /// Six surgeons at p0 = 10%, with limits given (the chart reads them from the rows): A above its 99.8% limit, B above its 95%
    /// limit, E exactly on its 99.8% limit (above the 95%), C within, D exactly on its 95% limit, F just under D.
    /// </summary>
    private static readonly FunnelRow[] Six =
    [
        new("A", 20, 7, 0.35, 0, 1, 0, 0.2315, 0, 0.3071),
        new("B", 40, 8, 0.20, 0, 1, 0, 0.193, 0, 0.246),
        new("C", 80, 8, 0.10, 0, 1, 0, 0.166, 0, 0.21),
        new("D", 100, 16, 0.159, 0, 1, 0.041, 0.159, 0, 0.193),
        new("E", 60, 12, 0.20, 0, 1, 0, 0.176, 0, 0.20),
        new("F", 100, 15, 0.15, 0, 1, 0.041, 0.159, 0, 0.193),
    ];

    private static ChartImage SixSurgeons() => FunnelChart.Build(0.1, Six, r => "Surgeon " + r.Code, "surgeon", r => r.Code == "C")!;

    private static Marker MarkerOf(ChartImage chart, string code)
    {
        var row = Six.Single(r => r.Code == code);
        return chart.Plot.GetPlottables().OfType<Marker>().Single(m => m.X == row.Operations && m.Y == row.Rate);
    }

    private static Text LabelOf(ChartImage chart, string code) =>
        chart.Plot.GetPlottables().OfType<Text>().Single(t => t.LabelText.StartsWith("Surgeon " + code, StringComparison.Ordinal));

    [Fact]
    public void A_point_above_its_99_8_percent_limit_is_vermillion_above_its_95_percent_limit_orange_and_on_a_limit_not_above_it()
    {
        var chart = SixSurgeons();

        Assert.Equal(ChartPalette.Vermillion, MarkerOf(chart, "A").MarkerStyle.FillColor);
        Assert.Equal(ChartPalette.Orange, MarkerOf(chart, "B").MarkerStyle.FillColor);
        Assert.Equal(ChartPalette.Orange, MarkerOf(chart, "E").MarkerStyle.FillColor);
        Assert.Equal(ChartPalette.Blue, MarkerOf(chart, "C").MarkerStyle.FillColor);
        Assert.Equal(ChartPalette.Blue, MarkerOf(chart, "D").MarkerStyle.FillColor);
        Assert.Equal(
            "Funnel plot of 6 surgeons: the share of operations with a permanent complication against the number of operations, " +
            "with the registry rate 10.0% and its 95% and 99.8% control limits. Above the 95% limit: Surgeon A, Surgeon B, Surgeon E.",
            chart.Description);
    }

    [Fact]
    public void The_readers_own_point_is_a_larger_diamond_and_its_label_bold()
    {
        var chart = SixSurgeons();

        Assert.Equal((MarkerShape.FilledDiamond, 12f), (MarkerOf(chart, "C").MarkerStyle.Shape, MarkerOf(chart, "C").MarkerStyle.Size));
        Assert.Equal((MarkerShape.FilledCircle, 8f), (MarkerOf(chart, "B").MarkerStyle.Shape, MarkerOf(chart, "B").MarkerStyle.Size));
        Assert.Equal(("Surgeon C (you)", true), (LabelOf(chart, "C").LabelText, LabelOf(chart, "C").LabelBold));
        Assert.Equal(("Surgeon B", false), (LabelOf(chart, "B").LabelText, LabelOf(chart, "B").LabelBold));
        Assert.Equal(11, LabelOf(chart, "B").LabelFontSize);
    }

    [Fact]
    public void Labels_sit_right_of_their_point_but_left_of_it_near_the_right_edge_and_move_up_past_labels_already_placed()
    {
        var chart = SixSurgeons();

        // The x axis ends at 108 operations (100 x 1.08): past 86.4 a label goes to the left of its point.
        Assert.Equal((Alignment.LowerLeft, 7f), (LabelOf(chart, "C").LabelAlignment, LabelOf(chart, "C").OffsetX));
        Assert.Equal((Alignment.LowerRight, -7f), (LabelOf(chart, "D").LabelAlignment, LabelOf(chart, "D").OffsetX));
        // D (rate 0.159) is placed before F (0.15) at the same operations; on the 300-pixel-high sketch of a 0.4025-high axis
        // F's label starts 6.7 pixels under D's and moves up 13 pixels twice to clear it.
        Assert.Equal(-2, LabelOf(chart, "D").OffsetY, 1e-4);
        Assert.Equal(-28, LabelOf(chart, "F").OffsetY, 1e-4);
        Assert.Equal(-2, LabelOf(chart, "A").OffsetY, 1e-4);
    }

    [Fact]
    public void The_axes_make_room_for_every_point_and_the_funnel_at_the_smallest_surgeon()
    {
        var chart = SixSurgeons();

        // Right: the most operations (100) x 1.08. Top: the highest of A's rate (0.35) and A's 99.8% limit (0.3071), x 1.15.
        var limits = chart.Plot.Axes.GetLimits();
        Assert.Equal((0.0, 108.0, 0.0), (limits.Left, Math.Round(limits.Right, 9), limits.Bottom));
        Assert.Equal(0.4025, limits.Top, 1e-9);
        var yTicks = DrawnTicks.Labels(chart, p => p.Axes.Left);
        Assert.Equal(["0%", "10%", "20%", "30%", "40%"], yTicks);
        // The limit curves run from half the smallest surgeon's operations to 5% past the largest's.
        var curves = chart.Plot.GetPlottables().OfType<Scatter>().ToArray();
        Assert.Equal(["99.8% limits", "", "95% limits", ""], curves.Select(c => c.LegendText));
        Assert.Equal([ChartPalette.Vermillion, ChartPalette.Vermillion, ChartPalette.Orange, ChartPalette.Orange], curves.Select(c => c.Color));
        Assert.Equal([LinePattern.Dashed, LinePattern.Dashed, LinePattern.Solid, LinePattern.Solid], curves.Select(c => c.LinePattern));
        Assert.All(curves, c => Assert.Equal((10.0, 105.0), (c.Data.GetScatterPoints().First().X, c.Data.GetScatterPoints().Last().X)));
        Assert.Equal(Orientation.Horizontal, chart.Plot.Legend.Orientation);
    }

    [Fact]
    public void The_top_leaves_room_for_the_smallest_units_99_8_percent_limit_when_it_is_above_every_rate()
    {
        FunnelRow[] rows = [new("S", 10, 1, 0.10, 0, 1, 0, 0.29, 0, 0.39), new("L", 100, 12, 0.12, 0, 1, 0.04, 0.16, 0, 0.19)];

        var chart = FunnelChart.Build(0.1, rows, r => r.Code, "site")!;

        Assert.Equal(0.39 * 1.15, chart.Plot.Axes.GetLimits().Top, 1e-9);
        Assert.EndsWith("No site lies above the 95% limit.", chart.Description);
    }

    [Theory]
    [InlineData(0.03, new[] { "0%", "1%", "2%", "3%" })]
    [InlineData(0.05, new[] { "0%", "1%", "2%", "3%", "4%", "5%" })]
    [InlineData(0.125, new[] { "0%", "2.5%", "5%", "7.5%", "10%", "12.5%" })]
    [InlineData(0.25, new[] { "0%", "5%", "10%", "15%", "20%", "25%" })]
    [InlineData(0.5, new[] { "0%", "10%", "20%", "30%", "40%", "50%" })]
    [InlineData(0.1, new[] { "0%", "2.5%", "5%", "7.5%", "10%" })]
    [InlineData(0.2, new[] { "0%", "5%", "10%", "15%", "20%" })]
    [InlineData(0.8, new[] { "0%", "25%", "50%", "75%" })]
    public void The_percent_ticks_step_with_the_axis_height(double top, string[] labels)
    {
        // One surgeon whose rate sets the top (rate x 1.15) above its own 99.8% limit.
        var row = new FunnelRow("A", 1000, 1, top / 1.15, 0, 1, 0, 0.0001, 0, 0.0002);

        var chart = FunnelChart.Build(0.0001, [row], r => r.Code, "surgeon")!;

        Assert.Equal(top, chart.Plot.Axes.GetLimits().Top, 1e-9);
        Assert.Equal(labels, DrawnTicks.Labels(chart, p => p.Axes.Left));
    }

    [Fact]
    public void No_operations_give_no_chart()
    {
        Assert.Null(FunnelChart.Build(null, [], r => r.Code, "site"));
    }
}
