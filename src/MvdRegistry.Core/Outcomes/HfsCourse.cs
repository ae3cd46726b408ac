namespace MvdRegistry.Core.Outcomes;

/// <summary>The HFS resolution variables, read from an operation's visits in day order.</summary>
public readonly record struct HfsCourse(
    bool? ImmediateResolution,
    int? FirstResolutionDay,
    bool? DelayedResolution,
    bool? Recurrence,
    int? RecurrenceDay)
{
    public const int ImmediateWithinDays = 7;

    /// <summary>Every variable empty, as for an operation that is not HFS.</summary>
    public static readonly HfsCourse Empty = default;

    /// <param name="visits">Earliest first.</param>
    public static HfsCourse From(ReadOnlySpan<Visit> visits)
    {
        bool? immediate = null;
        if (visits.Length > 0 && visits[0].Day <= ImmediateWithinDays && visits[0].HfsStatus is { } firstStatus)
            immediate = firstStatus == Codes.Resolved;

        int? firstResolution = null;
        int? recurrenceDay = null;
        foreach (var visit in visits)
        {
            if (firstResolution is null)
            {
                if (visit.HfsStatus == Codes.Resolved) firstResolution = visit.Day;
            }
            else if (visit.Day > firstResolution && Codes.IsHfsRecurrence(visit.HfsStatus))
            {
                recurrenceDay = visit.Day;
                break;
            }
        }

        bool? delayed = immediate == false ? firstResolution is not null : null;
        bool? recurrence = firstResolution is null ? null : recurrenceDay is not null;
        return new HfsCourse(immediate, firstResolution, delayed, recurrence, recurrenceDay);
    }
}
