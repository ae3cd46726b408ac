namespace MvdRegistry.Core.Statistics;

/// <param name="Event">True for the event, false for censoring at <paramref name="Time"/>.</param>
public readonly record struct SurvivalObservation(double Time, bool Event);
