using MvdRegistry.Core.Statistics.Snapshot;
using MvdRegistry.Reporting.Charts;
using MvdRegistry.Reporting.Tests.Support;
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

    [Fact]
    public void No_operations_give_no_chart()
    {
        Assert.Null(FunnelChart.Build(null, [], r => r.Code, "site"));
    }
}
