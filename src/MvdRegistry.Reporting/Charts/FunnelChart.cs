using System.Globalization;
using MvdRegistry.Core.Statistics;
using MvdRegistry.Core.Statistics.Snapshot;
using ScottPlot;

namespace MvdRegistry.Reporting.Charts;

/// <summary>
/// A funnel plot of permanent complications (OUTCOMES.md, Statistics item 8): each surgeon's or site's
/// rate against its number of operations, with the registry rate p0 and its 95% and 99.8% control limits.
/// </summary>
public static class FunnelChart
{
    public const int Height = 450;

    /// <summary>Points on each limit curve (at most: whole operations only).</summary>
    public const int CurvePoints = 200;

    /// <summary>Up to this many rows every point is named; beyond it only those above the 95% limit and the reader's own (the table names them all).</summary>
    public const int MaxLabels = 10;
    /// <param name="rows">The rows to plot, in the order the table shows them.</param>
    /// <param name="name">How a row is named on the chart (surgeons: the pseudonym the reader may see).</param>
    /// <param name="unit">"surgeon" or "site".</param>
    /// <param name="highlight">A row to mark as the reader's own, if any.</param>
    /// <returns>Null when there is nothing to plot (no operations).</returns>
    public static ChartImage? Build(double? p0, IReadOnlyList<FunnelRow> rows, Func<FunnelRow, string> name, string unit, Func<FunnelRow, bool>? highlight = null)
    {
        if (p0 is not { } p || rows.Count == 0) return null;
        var title = $"Permanent complications by {unit}";
        var plot = ChartStyle.NewPlot(title, "Operations", "With a permanent complication");

        var maxN = rows.Max(r => r.Operations);
        var minN = Math.Max(1, rows.Min(r => r.Operations) / 2);
        var curve = LimitCurves(p, minN, (int)Math.Ceiling(maxN * 1.05), rows.Select(r => r.Operations));
        AddCurve(plot, curve.Ns, curve.Upper998, ChartPalette.Vermillion, LinePattern.Dashed, "99.8% limits");
        AddCurve(plot, curve.Ns, curve.Lower998, ChartPalette.Vermillion, LinePattern.Dashed, "");
        AddCurve(plot, curve.Ns, curve.Upper95, ChartPalette.Orange, LinePattern.Solid, "95% limits");
        AddCurve(plot, curve.Ns, curve.Lower95, ChartPalette.Orange, LinePattern.Solid, "");
        var line = plot.Add.HorizontalLine(p, 1.5f, ChartPalette.Grey, LinePattern.Solid);
        line.LegendText = $"Registry rate {Percent(p)}";

        // Room for every point and for the 99.8% funnel at the smallest unit; wider curves run off the top.
        var smallest = rows.MinBy(r => r.Operations)!;
        var top = Math.Min(1, Math.Max(rows.Max(r => r.Rate), smallest.Limit998Upper) * 1.15);
        var right = maxN * 1.08;
        var placed = new List<(double X, double Y)>();
        foreach (var row in rows.OrderBy(r => r.Operations).ThenByDescending(r => r.Rate))
        {
            var own = highlight?.Invoke(row) == true;
            var color = row.Rate > row.Limit998Upper ? ChartPalette.Vermillion
                : row.Rate > row.Limit95Upper ? ChartPalette.Orange
                : ChartPalette.Blue;
            var marker = plot.Add.Marker(row.Operations, row.Rate, own ? MarkerShape.FilledDiamond : MarkerShape.FilledCircle, own ? 12 : 8, color);
            marker.LegendText = "";
            if (rows.Count > MaxLabels && !own && row.Rate <= row.Limit95Upper) continue;

            // Approximate label pixels on a 540 x 300 data area: move a label up until it clears the ones placed.
            var (x, y) = (row.Operations / right * 540, row.Rate / top * 300);
            while (placed.Any(q => Math.Abs(q.X - x) < 70 && Math.Abs(q.Y - y) < 13)) y += 13;
            placed.Add((x, y));
            var label = plot.Add.Text(own ? name(row) + " (you)" : name(row), row.Operations, row.Rate);
            label.LabelFontSize = 11;
            label.LabelFontColor = ChartPalette.Ink;
            label.LabelBold = own;
            var nearRight = row.Operations > right * 0.8;
            label.LabelAlignment = nearRight ? Alignment.LowerRight : Alignment.LowerLeft;
            label.OffsetX = nearRight ? -7 : 7;
            label.OffsetY = (float)(row.Rate / top * 300 - y) - 2;
        }

        plot.Axes.SetLimits(0, right, 0, Math.Max(top, 0.01));
        ChartStyle.PercentTicks(plot.Axes.Left, top, TickStep(top));
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;

        var above95 = rows.Where(r => r.Rate > r.Limit95Upper).Select(name).ToArray();
        var description =
            $"Funnel plot of {rows.Count} {unit}s: the share of operations with a permanent complication against the number of operations, " +
            $"with the registry rate {Percent(p)} and its 95% and 99.8% control limits. " +
            (above95.Length == 0 ? "No " + unit + " lies above the 95% limit." : $"Above the 95% limit: {string.Join(", ", above95)}.");
        return new ChartImage(plot, ChartStyle.Width, Height, title, description);
    }

    /// <summary>
    /// The control limits of p0 (Core's formula) from <paramref name="fromN"/> to <paramref name="toN"/> operations,
    /// in whole operations spaced evenly on a log scale (where the curves bend most), and at each of <paramref name="through"/>.
    /// </summary>
    public static (double[] Ns, double[] Lower95, double[] Upper95, double[] Lower998, double[] Upper998) LimitCurves(double p0, int fromN, int toN, IEnumerable<int> through)
    {
        var ns = Enumerable.Range(0, CurvePoints)
            .Select(i => (int)Math.Round(fromN * Math.Pow((double)toN / fromN, i / (double)(CurvePoints - 1))))
            .Concat(through)
            .Distinct()
            .Order()
            .ToArray();
        var l95 = new double[ns.Length]; var u95 = new double[ns.Length];
        var l998 = new double[ns.Length]; var u998 = new double[ns.Length];
        for (var i = 0; i < ns.Length; i++)
        {
            (l95[i], u95[i]) = FunnelSection.ControlLimits(p0, ns[i], Z.Z95);
            (l998[i], u998[i]) = FunnelSection.ControlLimits(p0, ns[i], Z.Z998);
        }
        return (ns.Select(n => (double)n).ToArray(), l95, u95, l998, u998);
    }

    private static void AddCurve(Plot plot, double[] xs, double[] ys, Color color, LinePattern pattern, string legend)
    {
        var curve = plot.Add.ScatterLine(xs, ys, color);
        curve.LineWidth = 1.5f;
        curve.LinePattern = pattern;
        curve.LegendText = legend;
    }

    private static double TickStep(double top) => top switch
    {
        <= 0.05 => 0.01,
        <= 0.125 => 0.025,
        <= 0.25 => 0.05,
        <= 0.5 => 0.1,
        _ => 0.25,
    };

    private static string Percent(double p) => (100 * p).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
