using MvdRegistry.Core.Outcomes;

namespace MvdRegistry.Core.Statistics.Snapshot;

/// <summary>The registry's visit targets and when an operation's next visit is overdue (OUTCOMES.md, Statistics item 9).</summary>
public static class FollowUpSchedule
{
    public static readonly int[] TargetDays = [30, 91, 182, 365, 730, 1095, 1460, 1825];

    /// <summary>A visit this close after a target counts for it, so the next target is further on.</summary>
    public const int CountsForTargetWithinDays = 14;

    /// <summary>How late a visit may be before it is overdue.</summary>
    public const int GraceDays = 30;

    /// <returns>The first target more than 14 days after the last follow-up (or surgery); null after the last target.</returns>
    public static int? NextTarget(int? lastFollowUpDay)
    {
        var after = (lastFollowUpDay ?? 0) + CountsForTargetWithinDays;
        foreach (var target in TargetDays)
            if (target > after) return target;
        return null;
    }

    /// <summary>
    /// The latest visit an overdue operation has missed: the last target more than <see cref="GraceDays"/>
    /// past as of <paramref name="asOf"/>, from its next target on. For a 2009 operation last seen at one
    /// year that is the 5-year visit, not the 2-year one: the visit a call would now arrange.
    /// </summary>
    /// <returns>The target day, or null when no target from the next one on is that far past.</returns>
    public static int? LatestMissedTarget(DateOnly surgery, int? lastFollowUpDay, DateOnly asOf)
    {
        if (NextTarget(lastFollowUpDay) is not { } next) return null;
        int? latest = null;
        foreach (var target in TargetDays)
            if (target >= next && asOf.DayNumber - surgery.AddDays(target).DayNumber > GraceDays) latest = target;
        return latest;
    }

    /// <returns>The overdue visit's target, or null when the operation is not overdue as of <paramref name="asOf"/>.</returns>
    public static OverdueFollowUp? Overdue(OperationOutcome operation, DateOnly asOf)
    {
        if (operation.HasDeath || operation.Operation.SurgeryDate is not { } surgery) return null;
        if (NextTarget(operation.LastFuDay) is not { } target) return null;
        var daysLate = asOf.DayNumber - surgery.AddDays(target).DayNumber;
        return daysLate > GraceDays ? new OverdueFollowUp(operation, target, surgery.AddDays(target), daysLate) : null;
    }
}

public sealed record OverdueFollowUp(OperationOutcome Operation, int TargetDay, DateOnly TargetDate, int DaysLate);
