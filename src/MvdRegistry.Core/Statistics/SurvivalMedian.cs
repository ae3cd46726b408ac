namespace MvdRegistry.Core.Statistics;

/// <summary>Where a horizontal line at 0.5 meets a step curve (R: <c>quantile(fit, 0.5)</c>).</summary>
public static class SurvivalMedian
{
    // R's tolerance for "the curve sits at exactly 0.5": sqrt(.Machine$double.eps). (.NET's
    // double.Epsilon is the smallest denormal, not the machine epsilon 2^-52.)
    private static readonly double Tolerance = Math.Sqrt(Math.BitIncrement(1.0) - 1.0);

    /// <param name="times">The curve's step times, ascending.</param>
    /// <param name="values">The curve's value from each step time on; null values are skipped, as R drops NA.</param>
    /// <param name="lastTime">The last observed time, censored ones included.</param>
    /// <returns>
    /// The first time the curve drops below 0.5; on a flat stretch at exactly 0.5, the midpoint between
    /// its start and the next drop (or <paramref name="lastTime"/> when the curve ends on it); null
    /// when the curve never gets down to 0.5.
    /// </returns>
    public static double? Find(IReadOnlyList<double> times, IReadOnlyList<double?> values, double lastTime, double level = 0.5)
    {
        var reach = -1;
        for (var i = 0; i < values.Count && reach < 0; i++)
            if (values[i] <= level + Tolerance) reach = i;
        if (reach < 0) return null;
        if (Math.Abs(values[reach]!.Value - level) >= Tolerance) return times[reach];

        for (var j = reach + 1; j < values.Count; j++)
            if (values[j] < level - Tolerance) return (times[reach] + times[j]) / 2;
        return (times[reach] + lastTime) / 2;
    }
}
