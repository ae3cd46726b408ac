using ScottPlot;

namespace MvdRegistry.Reporting.Charts;

/// <summary>Draws one Kaplan-Meier curve on a plot: the shaded 95% band, the step line, the censoring ticks.</summary>
public static class KaplanMeierLayer
{
    public static void Add(Plot plot, KaplanMeierSteps steps, Color color, string label, LinePattern? pattern = null)
    {
        if (steps.BandXs.Length > 1)
        {
            var band = plot.Add.FillY(steps.BandXs, steps.BandLower, steps.BandUpper);
            band.FillColor = color.WithAlpha(0.18);
            band.LineWidth = 0;
            band.LegendText = "";
        }

        var line = plot.Add.ScatterLine(steps.Xs, steps.Ys, color);
        line.LineWidth = 2;
        line.LinePattern = pattern ?? LinePattern.Solid;
        line.LegendText = label;

        if (steps.CensorXs.Length > 0)
        {
            var marks = plot.Add.Markers(steps.CensorXs, steps.CensorYs, MarkerShape.VerticalBar, 8, color);
            marks.MarkerLineWidth = 1.2f;
            marks.LegendText = "";
        }
    }

    /// <summary>Days after surgery from 0 to the last time, proportion from 0% to 100%, a dotted line at 50% (the median).</summary>
    public static void Frame(Plot plot, double lastTime)
    {
        var median = plot.Add.HorizontalLine(0.5, 1, ChartPalette.Grey, LinePattern.Dotted);
        median.LegendText = "";
        plot.Axes.SetLimits(0, Math.Max(1, lastTime) * 1.02, 0, 1.03);
        ChartStyle.PercentTicks(plot.Axes.Left);
    }
}
