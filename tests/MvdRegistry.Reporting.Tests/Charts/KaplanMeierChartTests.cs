using MvdRegistry.Core.Statistics;
using MvdRegistry.Reporting.Charts;
using ScottPlot;
using ScottPlot.Plottables;

namespace MvdRegistry.Reporting.Tests.Charts;

/// <summary>
/// The Kaplan-Meier chart read from ScottPlot's model: what is drawn, where the axes end, what the text alternative says.
/// A hand-made curve of ten operations: events on days 2 (two), 5 and 9; censored on days 3 and 12.
/// </summary>
public class KaplanMeierChartTests
{
    /// <summary>Also the curve of <see cref="KaplanMeierStepsTests"/>' hand-made steps.</summary>
    internal static readonly KaplanMeierResult Curve = new(10, 4, 5, 2, null,
    [
        new KaplanMeierRow(2, 10, 2, 0.8, 0.1, 0.62, 0.95),
        new KaplanMeierRow(5, 7, 1, 0.6857, 0.12, 0.48, 0.9),
        new KaplanMeierRow(9, 6, 1, 0.5714, 0.13, 0.36, 0.82),
    ],
    [new CensoredAt(3, 1), new CensoredAt(12, 5)]);

    [Fact]
    public void The_time_to_resolution_chart_draws_the_band_the_steps_and_the_censoring_ticks_in_blue()
    {
        var chart = KaplanMeierChart.TimeToResolution(Curve);
        var plottables = chart.Plot.GetPlottables().ToList();

        var band = Assert.Single(plottables.OfType<FillY>());
        Assert.Equal(ChartPalette.Blue.WithAlpha(0.18), band.FillColor);
        var line = Assert.Single(plottables.OfType<Scatter>());
        Assert.Equal(ChartPalette.Blue, line.Color);
        Assert.Equal(LinePattern.Solid, line.LinePattern);
        Assert.Equal("Kaplan-Meier estimate (n = 10)", line.LegendText);
        Assert.Equal([0, 2, 2, 5, 5, 9, 9, 12], line.Data.GetScatterPoints().Select(p => p.X));
        var ticks = Assert.Single(plottables.OfType<Markers>());
        Assert.Equal(MarkerShape.VerticalBar, ticks.MarkerStyle.Shape);
        Assert.Equal([(3.0, 0.8), (12.0, 0.5714)], ticks.Data.GetScatterPoints().Select(p => (p.X, p.Y)));
        var median = Assert.Single(plottables.OfType<HorizontalLine>());
        Assert.Equal(0.5, median.Y);
        Assert.Equal(LinePattern.Dotted, median.LinePattern);
        Assert.False(chart.Plot.Legend.IsVisible);
        Assert.Equal((ChartStyle.Width, KaplanMeierChart.Height), (chart.Width, chart.Height));
    }

    [Fact]
    public void The_axes_run_from_day_0_to_just_past_the_last_time_and_from_0_to_just_over_100_percent()
    {
        var chart = KaplanMeierChart.TimeToResolution(Curve);

        var limits = chart.Plot.Axes.GetLimits();
        Assert.Equal(0, limits.Left);
        Assert.Equal(12 * 1.02, limits.Right, 1e-9);
        Assert.Equal(0, limits.Bottom);
        Assert.Equal(1.03, limits.Top, 1e-9);
        var yTicks = DrawnTicks.Of(chart, p => p.Axes.Left);
        Assert.Equal([(0, "0%"), (0.25, "25%"), (0.5, "50%"), (0.75, "75%"), (1, "100%")], yTicks.Select(t => (t.Position, t.Label)));
    }

    [Fact]
    public void Titles_are_bold_and_axis_labels_plain()
    {
        var plot = KaplanMeierChart.RecurrenceFree(Curve).Plot;

        Assert.Equal(("Recurrence-free time after resolution (HFS)", true), (plot.Axes.Title.Label.Text, plot.Axes.Title.Label.Bold));
        Assert.Equal(("Days after surgery", false), (plot.Axes.Bottom.Label.Text, plot.Axes.Bottom.Label.Bold));
        Assert.Equal(("Free of recurrence", false), (plot.Axes.Left.Label.Text, plot.Axes.Left.Label.Bold));
        Assert.Equal(12, plot.Axes.Bottom.TickLabelStyle.FontSize);
        Assert.Equal(12, plot.Axes.Left.TickLabelStyle.FontSize);
        Assert.Equal(ChartFont.Family, plot.Axes.Title.Label.FontName);
    }

    [Fact]
    public void The_text_alternative_gives_the_counts_the_span_and_the_median_with_its_interval()
    {
        Assert.Equal("Time to resolution of the spasm (HFS)", KaplanMeierChart.TimeToResolution(Curve).Title);
        Assert.Equal(
            "Kaplan-Meier step curve of 10 operations, 4 resolved, over 12 days after surgery: the proportion not yet resolved falls to 50% " +
            "on day 5 (95% CI 2 to not reached). Shaded: 95% confidence band; ticks: operations censored at their last follow-up.",
            KaplanMeierChart.TimeToResolution(Curve).Description);
        Assert.Equal(
            "Kaplan-Meier step curve of 10 operations, 4 recurred, over 12 days after surgery: the proportion free of recurrence stays above 50% " +
            "(median not reached). Shaded: 95% confidence band; ticks: operations censored at their last follow-up.",
            KaplanMeierChart.RecurrenceFree(Curve with { Median = null }).Description);
    }

    [Fact]
    public void Days_keep_one_decimal()
    {
        var km = Curve with { Median = 12.54, MedianLower = 10, MedianUpper = 20.06 };

        Assert.Equal(
            "Kaplan-Meier step curve of 10 operations, 4 resolved, over 30.2 days after surgery: the proportion not yet resolved falls to 50% " +
            "on day 12.5 (95% CI 10 to 20.1). Shaded: 95% confidence band; ticks: operations censored at their last follow-up.",
            KaplanMeierChart.Describe(km, "resolved", "the proportion not yet resolved", 30.24));
    }

    [Fact]
    public void A_curve_with_nothing_after_day_0_draws_its_line_alone_on_a_one_day_axis()
    {
        var empty = new KaplanMeierResult(3, 0, null, null, null, [], []);

        var plot = KaplanMeierChart.TimeToResolution(empty).Plot;

        var plottables = plot.GetPlottables().ToList();
        Assert.Empty(plottables.OfType<FillY>());
        Assert.Empty(plottables.OfType<Markers>());
        Assert.Single(plottables.OfType<Scatter>());
        Assert.Equal(1.02, plot.Axes.GetLimits().Right, 1e-9);
    }
}
