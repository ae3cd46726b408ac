using System.Globalization;
using MvdRegistry.Core.Statistics.Snapshot;
using ScottPlot;

namespace MvdRegistry.Reporting.Charts;

/// <summary>
/// Time to resolution of HFS operations by whether the lateral spread response disappeared during
/// decompression (OUTCOMES.md, Statistics item 6): one Kaplan-Meier curve per group and the log-rank p-value.
/// </summary>
public static class LsrCurvesChart
{
    public const int Height = 400;

    public const string Title = "Time to resolution by LSR disappearance (HFS)";

    /// <returns>Null for a snapshot that holds no per-group curves.</returns>
    public static ChartImage? Build(LogRankSection logRank)
    {
        if (logRank.Curves is not { Count: 2 } curves) return null;
        var plot = ChartStyle.NewPlot(Title, "Days after surgery", "Not yet resolved");
        var persisted = KaplanMeierSteps.Of(curves[0]);
        var disappeared = KaplanMeierSteps.Of(curves[1]);
        KaplanMeierLayer.Add(plot, disappeared, ChartPalette.Blue, $"LSR disappeared (n = {Count(logRank.N[1])})");
        KaplanMeierLayer.Add(plot, persisted, ChartPalette.Vermillion, $"LSR persisted (n = {Count(logRank.N[0])})", LinePattern.Dashed);
        KaplanMeierLayer.Frame(plot, Math.Max(persisted.LastTime, disappeared.LastTime));

        var note = plot.Add.Annotation(PValueText(logRank.P), Alignment.UpperRight);
        note.LabelFontSize = 13;
        note.LabelFontColor = ChartPalette.Ink;
        note.LabelBackgroundColor = Colors.White.WithAlpha(0.9);
        note.LabelBorderColor = ChartPalette.Grey.WithAlpha(0.4);
        note.OffsetX = 10;
        note.OffsetY = 64;
        plot.ShowLegend(Alignment.UpperRight);

        var description =
            $"Two Kaplan-Meier step curves of the proportion not yet resolved, in days after surgery: LSR disappeared " +
            $"({logRank.N[1]} operations, {logRank.Observed[1]} resolved, median {KaplanMeierChart.Days(curves[1].Median)} days) and LSR persisted " +
            $"({logRank.N[0]} operations, {logRank.Observed[0]} resolved, median {KaplanMeierChart.Days(curves[0].Median)} days). {PValueText(logRank.P)}.";
        return new ChartImage(plot, ChartStyle.Width, Height, Title, description);
    }

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>"Log-rank p = 0.048", "Log-rank p < 0.001", or no test when it has no variance.</summary>
    public static string PValueText(double? p) => p switch
    {
        null => "Log-rank test not computable",
        < 0.001 => "Log-rank p < 0.001",
        _ => "Log-rank p = " + p.Value.ToString("0.000", CultureInfo.InvariantCulture),
    };
}
