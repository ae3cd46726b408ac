using MvdRegistry.Core.Model;
using MvdRegistry.Core.Outcomes;
using MvdRegistry.Core.Statistics.Snapshot;

namespace MvdRegistry.Web.Entry;

/// <summary>
/// The follow-up schedule's visits by name ("1-month visit", "1-year visit"). A visit counts for the
/// latest target it reaches by the schedule's rule (at most 14 days early, <see cref="FollowUpSchedule"/>),
/// so a visit on day 90 is the 3-month visit and one on day 400 the 1-year visit; the first visit for a
/// target takes its name, a second one is an additional visit, one before the first target an early one.
/// </summary>
public static class VisitLabels
{
    public const string Early = "Early visit";
    public const string Additional = "Additional visit";

    public static string Of(int targetDay) => targetDay switch
    {
        30 => "1-month visit",
        91 => "3-month visit",
        182 => "6-month visit",
        _ when targetDay % 365 == 0 => $"{targetDay / 365}-year visit",
        _ => $"day-{targetDay} visit",
    };

    /// <summary>The name of each visit of an operation, by its key; a visit without a date (or an operation without one) has none.</summary>
    public static IReadOnlyDictionary<string, string> For(Operation operation)
    {
        var labels = new Dictionary<string, string>();
        var taken = new HashSet<int>();
        foreach (var visit in operation.FollowUps.OrderBy(f => f.VisitDate))
        {
            if (OutcomeDerivation.DaysBetween(operation.SurgeryDate, visit.VisitDate) is not { } day) continue;
            var target = FollowUpSchedule.TargetDays.Where(t => t <= day + FollowUpSchedule.CountsForTargetWithinDays).Cast<int?>().LastOrDefault();
            labels[visit.FollowupId] = target is not { } t ? Early : taken.Add(t) ? Of(t) : Additional;
        }
        return labels;
    }
}
