namespace MvdRegistry.Core.Statistics;

/// <summary>
/// Kaplan-Meier estimate with Greenwood variance and a log-scale interval, as R's
/// <c>survfit(Surv(time, event) ~ 1, conf.type = "log")</c>.
/// </summary>
public static class KaplanMeier
{
    public static KaplanMeierResult Fit(IEnumerable<SurvivalObservation> observations, double z = Z.Z95)
    {
        var sorted = observations.OrderBy(o => o.Time).ToArray();
        var rows = new List<KaplanMeierRow>();
        double surv = 1, greenwood = 0;
        var events = 0;
        var censored = new List<CensoredAt>();
        for (var i = 0; i < sorted.Length;)
        {
            var time = sorted[i].Time;
            var atRisk = sorted.Length - i;
            var died = 0;
            var start = i;
            for (; i < sorted.Length && sorted[i].Time == time; i++)
                if (sorted[i].Event) died++;
            if (i - start > died) censored.Add(new CensoredAt(time, i - start - died));
            if (died == 0) continue;

            events += died;
            surv *= 1 - (double)died / atRisk;
            greenwood += died == atRisk ? double.PositiveInfinity : (double)died / ((double)atRisk * (atRisk - died));
            rows.Add(Row(time, atRisk, died, surv, greenwood, z));
        }

        var lastTime = sorted.Length > 0 ? sorted[^1].Time : 0;
        var times = rows.Select(r => r.Time).ToArray();
        return new KaplanMeierResult(
            sorted.Length,
            events,
            SurvivalMedian.Find(times, rows.Select(r => (double?)r.Surv).ToArray(), lastTime),
            SurvivalMedian.Find(times, rows.Select(r => r.Lower).ToArray(), lastTime),
            SurvivalMedian.Find(times, rows.Select(r => r.Upper).ToArray(), lastTime),
            rows,
            censored);
    }

    private static KaplanMeierRow Row(double time, int atRisk, int died, double surv, double greenwood, double z)
    {
        if (surv <= 0 || double.IsInfinity(greenwood)) return new KaplanMeierRow(time, atRisk, died, 0, null, null, null);
        var seLog = Math.Sqrt(greenwood);
        return new KaplanMeierRow(
            time, atRisk, died, surv,
            surv * seLog,
            surv * Math.Exp(-z * seLog),
            Math.Min(1, surv * Math.Exp(z * seLog)));
    }
}
