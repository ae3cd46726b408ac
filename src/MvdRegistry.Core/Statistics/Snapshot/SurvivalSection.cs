using MvdRegistry.Core.Outcomes;

namespace MvdRegistry.Core.Statistics.Snapshot;

/// <summary>Kaplan-Meier curves of HFS operations (OUTCOMES.md, Statistics item 5).</summary>
public sealed record SurvivalSection(KaplanMeierResult TimeToResolution, KaplanMeierResult RecurrenceFree)
{
    public static SurvivalSection Build(IReadOnlyList<OperationOutcome> hfs) =>
        new(
            KaplanMeier.Fit(hfs.Select(TimeToResolutionOf).OfType<SurvivalObservation>()),
            KaplanMeier.Fit(hfs.Select(RecurrenceFreeOf).OfType<SurvivalObservation>()));

    /// <returns>Time to first resolution, censored at the last follow-up; null without any follow-up.</returns>
    public static SurvivalObservation? TimeToResolutionOf(OperationOutcome o) =>
        o.LastFuDay is not { } last ? null
        : o.FirstResolutionDay is { } resolved ? new SurvivalObservation(resolved, true)
        : new SurvivalObservation(last, false);

    /// <returns>Time to recurrence, censored at the last follow-up; null when never resolved.</returns>
    public static SurvivalObservation? RecurrenceFreeOf(OperationOutcome o) => o.Recurrence switch
    {
        true => new SurvivalObservation(o.RecurrenceDay!.Value, true),
        false => new SurvivalObservation(o.LastFuDay!.Value, false),
        null => null,
    };
}
