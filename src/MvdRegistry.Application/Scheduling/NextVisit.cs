using MvdRegistry.Core.Model;
using MvdRegistry.Core.Outcomes;
using MvdRegistry.Core.Statistics.Snapshot;

namespace MvdRegistry.Application.Scheduling;

public enum VisitState { Due, Overdue, ScheduleComplete, NotExpected }

/// <summary>An operation's next follow-up target as of a date, by the Core's <see cref="FollowUpSchedule"/>.</summary>
public sealed record NextVisit(VisitState State, int? TargetDay, DateOnly? TargetDate, int DaysLate)
{
    /// <param name="expected">False after a recorded death or a withdrawal of consent: no visit is chased.</param>
    public static NextVisit Of(DateOnly? surgery, DateOnly? lastVisit, bool expected, DateOnly today)
    {
        if (!expected || surgery is not { } s) return new NextVisit(VisitState.NotExpected, null, null, 0);
        var lastDay = OutcomeDerivation.DaysBetween(s, lastVisit);
        if (FollowUpSchedule.NextTarget(lastDay) is not { } target) return new NextVisit(VisitState.ScheduleComplete, null, null, 0);
        // The Core decides overdue from an outcome; these are the only fields its rule reads.
        var outcome = new OperationOutcome { Operation = new Operation { SurgeryDate = s }, LastFuDay = lastDay };
        return FollowUpSchedule.Overdue(outcome, today) is { } overdue
            ? new NextVisit(VisitState.Overdue, target, overdue.TargetDate, overdue.DaysLate)
            : new NextVisit(VisitState.Due, target, s.AddDays(target), 0);
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
