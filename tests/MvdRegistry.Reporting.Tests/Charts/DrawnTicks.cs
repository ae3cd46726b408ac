using MvdRegistry.Reporting.Charts;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace MvdRegistry.Reporting.Tests.Charts;

/// <summary>The ticks an axis of a chart shows. The charts give their axes fixed ticks, which ScottPlot takes up when it draws, so the chart is drawn first.</summary>
internal static class DrawnTicks
{
    public static Tick[] Of(ChartImage chart, Func<Plot, IAxis> axis)
    {
        _ = chart.ToPng();
        return ((NumericManual)axis(chart.Plot).TickGenerator).Ticks.ToArray();
    }

    public static string[] Labels(ChartImage chart, Func<Plot, IAxis> axis) => Of(chart, axis).Select(t => t.Label).ToArray();
}
