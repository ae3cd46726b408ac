namespace MvdRegistry.Core.Outcomes;

/// <summary>Chooses the visit that stands for the one-year outcome.</summary>
public static class OneYearVisit
{
    public const int WindowStart = 270;
    public const int WindowEnd = 540;
    public const int Target = 365;

    /// <summary>
    /// The share of operations old enough for their one-year visit that should have one (NeuroPoint QOD's 80%
    /// at 12 months): the target of the surgeon's capture rate and of the outcome report's completeness sheet.
    /// </summary>
    public const double CaptureTarget = 0.80;

    public static bool InWindow(int day) => day is >= WindowStart and <= WindowEnd;

    /// <returns>The visit in the window closest to day 365, the later one on a tie; null when none.</returns>
    public static Visit? Select(ReadOnlySpan<Visit> visits)
    {
        Visit? best = null;
        foreach (var visit in visits)
        {
            if (!InWindow(visit.Day)) continue;
            if (best is not { } b || IsBetter(visit.Day, b.Day)) best = visit;
        }
        return best;
    }

    private static bool IsBetter(int day, int bestDay)
    {
        var distance = Math.Abs(day - Target);
        var bestDistance = Math.Abs(bestDay - Target);
        return distance < bestDistance || (distance == bestDistance && day > bestDay);
    }
}
