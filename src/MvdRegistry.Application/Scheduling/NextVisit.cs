using MvdRegistry.Core.Model;
using MvdRegistry.Core.Outcomes;
using MvdRegistry.Core.Statistics.Snapshot;

namespace MvdRegistry.Application.Scheduling;

public enum VisitState { Due, Overdue, ScheduleComplete, NotExpected }

/// <summary>An operation's next follow-up target as of a date, by the Core's <see cref="FollowUpSchedule"/>.</summary>
public sealed record NextVisit(VisitState State, int? TargetDay, DateOnly? TargetDate, int DaysLate)
{
    /// <summary>When overdue: the latest visit missed (<see cref="FollowUpSchedule.LatestMissedTarget"/>), the one a call would now arrange.</summary>
    public int? LatestMissedDay { get; init; }

    public DateOnly? LatestMissedDate { get; init; }

    /// <summary>Days since the latest missed visit was due.</summary>
    public int DaysSinceLatestMissed { get; init; }

    /// <param name="expected">False after a recorded death or a withdrawal of consent: no visit is chased.</param>
    public static NextVisit Of(DateOnly? surgery, DateOnly? lastVisit, bool expected, DateOnly today)
    {
        if (!expected || surgery is not { } s) return new NextVisit(VisitState.NotExpected, null, null, 0);
        var lastDay = OutcomeDerivation.DaysBetween(s, lastVisit);
        if (FollowUpSchedule.NextTarget(lastDay) is not { } target) return new NextVisit(VisitState.ScheduleComplete, null, null, 0);
        // The Core decides overdue from an outcome; these are the only fields its rule reads.
        var outcome = new OperationOutcome { Operation = new Operation { SurgeryDate = s }, LastFuDay = lastDay };
        if (FollowUpSchedule.Overdue(outcome, today) is not { } overdue) return new NextVisit(VisitState.Due, target, s.AddDays(target), 0);
        var latest = FollowUpSchedule.LatestMissedTarget(s, lastDay, today) ?? overdue.TargetDay;
        return new NextVisit(VisitState.Overdue, target, overdue.TargetDate, overdue.DaysLate)
        {
            LatestMissedDay = latest,
            LatestMissedDate = s.AddDays(latest),
            DaysSinceLatestMissed = today.DayNumber - s.AddDays(latest).DayNumber,
        };
    }

    /// <summary>"1 month", "6 months", "2 years": how clinics name the visits.</summary>
    public static string Name(int targetDay) => targetDay switch
    {
        30 => "1 month",
        91 => "3 months",
        182 => "6 months",
        365 => "1 year",
        _ when targetDay % 365 == 0 => $"{targetDay / 365} years",
        _ => $"day {targetDay}",
    };
}
