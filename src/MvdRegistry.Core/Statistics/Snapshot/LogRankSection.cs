using System.Text.Json.Serialization;
using MvdRegistry.Core.Outcomes;

namespace MvdRegistry.Core.Statistics.Snapshot;

/// <summary>
/// Time to resolution of HFS operations by lsr_disappeared, 0 versus 1 (OUTCOMES.md, Statistics item 6),
/// with each group's Kaplan-Meier curve in Curves (in the order of Groups; null in snapshots written before it existed).
/// </summary>
public sealed record LogRankSection(
    IReadOnlyList<string> Groups,
    IReadOnlyList<int> N,
    IReadOnlyList<int> Observed,
    IReadOnlyList<double> Expected,
    [property: JsonPropertyName("chisq")] double? ChiSquare,
    double? P,
    IReadOnlyList<KaplanMeierResult>? Curves = null)
{
    public static LogRankSection Build(IReadOnlyList<OperationOutcome> hfs)
    {
        var persisted = Observations(hfs, lsrDisappeared: false);
        var disappeared = Observations(hfs, lsrDisappeared: true);
        var test = LogRank.Test(persisted, disappeared);
        return new LogRankSection(["lsr_disappeared=0", "lsr_disappeared=1"], test.N, test.Observed, test.Expected, test.ChiSquare, test.P,
            [KaplanMeier.Fit(persisted), KaplanMeier.Fit(disappeared)]);
    }

    private static SurvivalObservation[] Observations(IReadOnlyList<OperationOutcome> hfs, bool lsrDisappeared) =>
        hfs.Where(o => o.LsrDisappeared == lsrDisappeared)
            .Select(SurvivalSection.TimeToResolutionOf)
            .OfType<SurvivalObservation>()
            .ToArray();
}
