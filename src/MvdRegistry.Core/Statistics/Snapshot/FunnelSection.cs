using MvdRegistry.Core.Outcomes;

namespace MvdRegistry.Core.Statistics.Snapshot;

/// <summary>Funnel-plot data of permanent complications per surgeon and per site, all indications together.</summary>
/// <param name="P0">The registry-wide rate; null when there are no operations.</param>
public sealed record FunnelSection(double? P0, IReadOnlyList<FunnelRow> Surgeon, IReadOnlyList<FunnelRow> Site)
{
    public static FunnelSection Build(IReadOnlyList<OperationOutcome> analysed)
    {
        var p0 = Proportion.Wilson(analysed.Count(o => o.AnyPermanent), analysed.Count).P;
        return new FunnelSection(
            p0,
            Rows(analysed, o => o.Operation.SurgeonCode, p0 ?? 0),
            Rows(analysed, o => o.Patient?.SiteCode, p0 ?? 0));
    }

    private static FunnelRow[] Rows(IReadOnlyList<OperationOutcome> analysed, Func<OperationOutcome, string?> code, double p0) =>
        OutcomeTally.ByKey(analysed, code)
            .OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => Row(t.Key, t.Value.Operations, t.Value.Permanent, p0))
            .ToArray();

    private static FunnelRow Row(string code, int operations, int permanent, double p0)
    {
        var rate = Proportion.Wilson(permanent, operations);
        var (lower95, upper95) = ControlLimits(p0, operations, Z.Z95);
        var (lower998, upper998) = ControlLimits(p0, operations, Z.Z998);
        return new FunnelRow(code, operations, permanent, rate.P!.Value, rate.Lower!.Value, rate.Upper!.Value, lower95, upper95, lower998, upper998);
    }

    /// <summary>Normal-approximation limits p0 ± z·sqrt(p0(1 - p0)/n), cut to [0, 1].</summary>
    public static (double Lower, double Upper) ControlLimits(double p0, int n, double z)
    {
        var half = z * Math.Sqrt(p0 * (1 - p0) / n);
        return (Math.Max(0, p0 - half), Math.Min(1, p0 + half));
    }
}
