using MvdRegistry.Core.Model;

namespace MvdRegistry.Core.Outcomes;

public static class ComplicationClassifier
{
    /// <summary>Follow-up (days after surgery) needed before an unresolved complication counts as permanent.</summary>
    public const int PermanentAfterDays = 180;

    /// <param name="lastFollowUpDay">The operation's last_fu_day; null when it has no follow-up.</param>
    public static ComplicationClass Classify(Complication complication, int? lastFollowUpDay)
    {
        if (complication.ComplicationType == Codes.Death) return ComplicationClass.Permanent;
        return complication.Resolved switch
        {
            Codes.Yes => ComplicationClass.Transient,
            Codes.No when lastFollowUpDay >= PermanentAfterDays => ComplicationClass.Permanent,
            // unknown, or unresolved without enough follow-up to call it permanent
            _ => ComplicationClass.Indeterminate,
        };
    }
}
