using MathNet.Numerics;

namespace MvdRegistry.Core.Statistics;

/// <summary>The log-rank test of two survival curves on 1 degree of freedom (R: <c>survdiff</c>, rho = 0).</summary>
public static class LogRank
{
    public static LogRankResult Test(IReadOnlyCollection<SurvivalObservation> group0, IReadOnlyCollection<SurvivalObservation> group1)
    {
        var all = group0.Select(o => (o.Time, o.Event, Group: 0))
            .Concat(group1.Select(o => (o.Time, o.Event, Group: 1)))
            .OrderBy(o => o.Time)
            .ToArray();

        int atRisk0 = group0.Count, atRisk1 = group1.Count;
        int observed0 = 0, observed1 = 0;
        double expected0 = 0, variance = 0;
        for (var i = 0; i < all.Length;)
        {
            var time = all[i].Time;
            int died0 = 0, died1 = 0, left0 = 0, left1 = 0;
            for (; i < all.Length && all[i].Time == time; i++)
            {
                var isGroup0 = all[i].Group == 0;
                if (isGroup0) left0++; else left1++;
                if (all[i].Event) { if (isGroup0) died0++; else died1++; }
            }

            double n = atRisk0 + atRisk1, died = died0 + died1;
            if (died > 0)
            {
                expected0 += died * atRisk0 / n;
                // Hypergeometric variance; zero when a single subject is at risk.
                if (n > 1) variance += atRisk0 * (double)atRisk1 * died * (n - died) / (n * n * (n - 1));
            }
            observed0 += died0;
            observed1 += died1;
            atRisk0 -= left0;
            atRisk1 -= left1;
        }

        var expected1 = observed0 + observed1 - expected0;
        double? chiSquare = variance > 0 ? (observed0 - expected0) * (observed0 - expected0) / variance : null;
        // MathNet's ChiSquared offers only the lower tail, and 1 - CDF loses every digit of a small p;
        // the chi-square upper tail on k df is the regularised upper incomplete gamma Q(k/2, x/2).
        double? p = chiSquare is { } x ? SpecialFunctions.GammaUpperRegularized(0.5, x / 2) : null;
        return new LogRankResult([group0.Count, group1.Count], [observed0, observed1], [expected0, expected1], chiSquare, p);
    }
}
