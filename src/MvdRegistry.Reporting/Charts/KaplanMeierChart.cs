using System.Globalization;
using MvdRegistry.Core.Statistics;
using ScottPlot;

namespace MvdRegistry.Reporting.Charts;

/// <summary>
/// One Kaplan-Meier curve (OUTCOMES.md, Statistics item 5): time to resolution, or recurrence-free
/// time, of HFS operations, in days after surgery, with its 95% band and censoring ticks.
/// </summary>
public static class KaplanMeierChart
{
    public const int Height = 400;

    public static ChartImage TimeToResolution(KaplanMeierResult km) =>
        Build(km, "Time to resolution of the spasm (HFS)", "Not yet resolved", "resolved", "the proportion not yet resolved");

    public static ChartImage RecurrenceFree(KaplanMeierResult km) =>
        Build(km, "Recurrence-free time after resolution (HFS)", "Free of recurrence", "recurred", "the proportion free of recurrence");

    private static ChartImage Build(KaplanMeierResult km, string title, string yLabel, string eventVerb, string measure)
    {
        var plot = ChartStyle.NewPlot(title, "Days after surgery", yLabel);
        var steps = KaplanMeierSteps.Of(km);
        KaplanMeierLayer.Add(plot, steps, ChartPalette.Blue, $"Kaplan-Meier estimate (n = {km.N.ToString("N0", CultureInfo.InvariantCulture)})");
        KaplanMeierLayer.Frame(plot, steps.LastTime);
        plot.Legend.IsVisible = false;
        return new ChartImage(plot, ChartStyle.Width, Height, title, Describe(km, eventVerb, measure, steps.LastTime));
    }

    public static string Describe(KaplanMeierResult km, string eventVerb, string measure, double lastTime)
    {
        var median = km.Median is { } m
            ? $"{measure} falls to 50% on day {Days(m)} (95% CI {Days(km.MedianLower)} to {Days(km.MedianUpper)})"
            : $"{measure} stays above 50% (median not reached)";
        return $"Kaplan-Meier step curve of {km.N} operations, {km.Events} {eventVerb}, over {Days(lastTime)} days after surgery: " +
               $"{median}. Shaded: 95% confidence band; ticks: operations censored at their last follow-up.";
    }

    internal static string Days(double? value) => value is { } v ? v.ToString("0.#", CultureInfo.InvariantCulture) : "not reached";
}
