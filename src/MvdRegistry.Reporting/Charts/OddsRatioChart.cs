using System.Globalization;
using MvdRegistry.Core.Statistics;
using MvdRegistry.Core.Statistics.Snapshot;
using ScottPlot;

namespace MvdRegistry.Reporting.Charts;

/// <summary>
/// A forest plot of the logistic model of success at one year (OUTCOMES.md, Statistics item 7): each
/// predictor's odds ratio with its Wald 95% interval on a log scale, and the line of no effect at 1.
/// </summary>
public static class OddsRatioChart
{
    public const string Title = "Odds of success at one year (HFS, logistic model)";

    /// <summary>Odds ratios and bounds beyond these are drawn at the edge of the scale.</summary>
    public const double MinShown = 0.01, MaxShown = 100;

    private static readonly double[] TickValues = [0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 1, 1.5, 2, 3, 5, 10, 20, 50, 100];

    public static string TermLabel(string term) => term switch
    {
        "intercept" => "Intercept",
        "age_per_10y" => "Age (per 10 years)",
        "male" => "Male sex",
        "symptom_duration_per_year" => "Symptom duration (per year)",
        "lsr_disappeared" => "LSR disappeared",
        "vessel_va" => "Vertebral artery involved",
        "botox_prior" => "Botulinum toxin before surgery",
        _ => term,
    };

    /// <returns>Null when the model gave no estimates.</returns>
    public static ChartImage? Build(LogisticSection logistic)
    {
        if (logistic.Status != LogisticStatus.Converged || logistic.Terms is null) return null;
        var terms = logistic.Terms.Where(t => t.Term != "intercept").ToArray();
        if (terms.Length == 0) return null;

        var plot = ChartStyle.NewPlot(Title, "Odds ratio (log scale) with 95% CI", "");
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < terms.Length; i++)
        {
            var y = terms.Length - i;
            var t = terms[i];
            var (lo, hi) = (Log(t.OrLower), Log(t.OrUpper));
            var whisker = plot.Add.Line(lo, y, hi, y);
            whisker.LineColor = ChartPalette.Blue;
            whisker.LineWidth = 2;
            whisker.LegendText = "";
            var point = plot.Add.Marker(Log(t.OddsRatio), y, MarkerShape.FilledSquare, 10, ChartPalette.Blue);
            point.LegendText = "";
            ticks.AddMajor(y, TermLabel(t.Term));
        }
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Left.MajorTickStyle.Length = 0;

        var noEffect = plot.Add.VerticalLine(0, 1.5f, ChartPalette.Grey, LinePattern.Dashed);
        noEffect.LegendText = "";

        // From the tick at or below the lowest bound to the tick at or above the highest, 1 always inside.
        var lowest = Math.Log10(TickValues.Last(v => Math.Log10(v) <= Math.Min(0, terms.Min(t => Log(t.OrLower))) + 1e-12));
        var highest = Math.Log10(TickValues.First(v => Math.Log10(v) >= Math.Max(0, terms.Max(t => Log(t.OrUpper))) - 1e-12));
        var xTicks = new ScottPlot.TickGenerators.NumericManual();
        foreach (var v in TickValues.Where(v => Math.Log10(v) >= lowest - 1e-12 && Math.Log10(v) <= highest + 1e-12))
            xTicks.AddMajor(Math.Log10(v), v.ToString("0.##", CultureInfo.InvariantCulture));
        plot.Axes.Bottom.TickGenerator = xTicks;
        var pad = (highest - lowest) * 0.04;
        plot.Axes.SetLimits(lowest - pad, highest + pad, 0.4, terms.Length + 0.6);
        plot.Grid.YAxisStyle.IsVisible = false;

        var description = $"Forest plot of {terms.Length} odds ratios of success at one year, {logistic.N} complete cases: " +
            string.Join("; ", terms.Select(t =>
                $"{TermLabel(t.Term)} {Number(t.OddsRatio)} (95% CI {Number(t.OrLower)} to {Number(t.OrUpper)})")) +
            ". Odds ratios above 1 favour success.";
        return new ChartImage(plot, ChartStyle.Width, 80 + 48 * terms.Length, Title, description);
    }

    /// <summary>log10 of an odds ratio, cut to the shown range.</summary>
    public static double Log(double oddsRatio) => Math.Log10(Math.Clamp(oddsRatio, MinShown, MaxShown));

    private static string Number(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
}
