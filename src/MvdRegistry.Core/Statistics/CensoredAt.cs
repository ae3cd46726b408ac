namespace MvdRegistry.Core.Statistics;

/// <summary>How many observations of a curve were censored (followed without the event) at one time.</summary>
public sealed record CensoredAt(double Time, int Count);
