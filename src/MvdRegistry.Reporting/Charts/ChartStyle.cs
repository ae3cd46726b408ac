using ScottPlot;

namespace MvdRegistry.Reporting.Charts;

/// <summary>What every chart shares: the shipped font, sizes that read at page width, a light grid.</summary>
public static class ChartStyle
{
    public const int Width = 640;

    public static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        ChartFont.EnsureRegistered();
        var plot = new Plot();
        plot.Font.Set(ChartFont.Family);
        plot.Title(title, 16);
        plot.Axes.Title.Label.Bold = true;
        plot.Axes.Title.Label.ForeColor = ChartPalette.Ink;
        plot.XLabel(xLabel, 13);
        plot.YLabel(yLabel, 13);
        plot.Axes.Bottom.Label.Bold = false;
        plot.Axes.Left.Label.Bold = false;
        foreach (var axis in new IAxis[] { plot.Axes.Bottom, plot.Axes.Left })
        {
            axis.TickLabelStyle.FontSize = 12;
            axis.TickLabelStyle.ForeColor = ChartPalette.Ink;
            axis.Label.ForeColor = ChartPalette.Ink;
            axis.FrameLineStyle.Color = ChartPalette.Grey;
        }
        plot.Axes.Right.FrameLineStyle.Width = 0;
        plot.Axes.Top.FrameLineStyle.Width = 0;
        plot.Grid.MajorLineColor = Colors.Black.WithAlpha(0.08);
        plot.Legend.FontSize = 12;
        plot.Legend.OutlineColor = ChartPalette.Grey.WithAlpha(0.4);
        return plot;
    }

    /// <summary>Y ticks at 0%, 25% ... 100% for a proportion from 0 to 1.</summary>
    public static void PercentTicks(IAxis axis, double max = 1, double step = 0.25)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var v = 0.0; v <= max + 1e-9; v += step)
            ticks.AddMajor(v, (100 * v).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%");
        axis.TickGenerator = ticks;
    }
}
