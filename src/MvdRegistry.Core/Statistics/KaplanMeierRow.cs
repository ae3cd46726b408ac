namespace MvdRegistry.Core.Statistics;

/// <summary>
/// The curve at one event time. StdErr is the standard error of the survival estimate (Greenwood),
/// as R's summary.survfit prints it; the bounds are the log-scale 95% interval, the upper capped at 1.
/// They are null once the survival reaches 0, where the log scale has no interval.
/// </summary>
public sealed record KaplanMeierRow(double Time, int NRisk, int NEvent, double Surv, double? StdErr, double? Lower, double? Upper);
