using MvdRegistry.Core.Statistics;

namespace MvdRegistry.Reporting.Charts;

/// <summary>A Kaplan-Meier result as drawable steps: the curve, its 95% band and its censoring marks.</summary>
public sealed record KaplanMeierSteps(
    double[] Xs,
    double[] Ys,
    double[] BandXs,
    double[] BandLower,
    double[] BandUpper,
    double[] CensorXs,
    double[] CensorYs,
    double LastTime)
{
    /// <summary>Censoring marks closer than this share of the time axis are drawn as one (their count is in the table).</summary>
    public const int MaxCensorMarks = 300;

    public static KaplanMeierSteps Of(KaplanMeierResult km)
    {
        var table = km.Table;
        var censored = km.Censored ?? [];
        var lastTime = Math.Max(table.Count > 0 ? table[^1].Time : 0, censored.Count > 0 ? censored.Max(c => c.Time) : 0);

        List<double> xs = [0], ys = [1];
        List<double> bandXs = [0], lower = [1], upper = [1];
        double surv = 1, low = 1, up = 1;
        var bandOpen = true;
        foreach (var row in table)
        {
            xs.Add(row.Time); ys.Add(surv);
            xs.Add(row.Time); ys.Add(row.Surv);
            surv = row.Surv;
            if (bandOpen && row.Lower is { } l && row.Upper is { } u)
            {
                bandXs.Add(row.Time); lower.Add(low); upper.Add(up);
                bandXs.Add(row.Time); lower.Add(l); upper.Add(u);
                (low, up) = (l, u);
            }
            else if (bandOpen)
            {
                // The log-scale interval ends where the curve reaches 0: close the band at this time.
                bandXs.Add(row.Time); lower.Add(low); upper.Add(up);
                bandOpen = false;
            }
        }
        if (lastTime > (xs.Count > 0 ? xs[^1] : 0))
        {
            xs.Add(lastTime); ys.Add(surv);
            if (bandOpen) { bandXs.Add(lastTime); lower.Add(low); upper.Add(up); }
        }

        var (censorXs, censorYs) = Marks(table, censored, lastTime);
        return new KaplanMeierSteps(xs.ToArray(), ys.ToArray(), bandXs.ToArray(), lower.ToArray(), upper.ToArray(), censorXs, censorYs, lastTime);
    }

    /// <summary>One mark per censoring time, on the curve's value at that time (after its events, as R draws them).</summary>
    private static (double[] Xs, double[] Ys) Marks(IReadOnlyList<KaplanMeierRow> table, IReadOnlyList<CensoredAt> censored, double lastTime)
    {
        var bin = lastTime > 0 ? lastTime / MaxCensorMarks : 1;
        List<double> xs = [], ys = [];
        var row = -1;
        var lastBin = long.MinValue;
        foreach (var c in censored.OrderBy(c => c.Time))
        {
            while (row + 1 < table.Count && table[row + 1].Time <= c.Time) row++;
            var b = (long)Math.Floor(c.Time / bin);
            if (b == lastBin) continue;
            lastBin = b;
            xs.Add(c.Time);
            ys.Add(row < 0 ? 1 : table[row].Surv);
        }
        return (xs.ToArray(), ys.ToArray());
    }
}
