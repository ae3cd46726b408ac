using MvdRegistry.Core.Model;

namespace MvdRegistry.Core.Outcomes;

/// <summary>A follow-up with its day after surgery (a struct: a snapshot holds about a million).</summary>
public readonly record struct Visit(FollowUp FollowUp, int Day)
{
    public string? HfsStatus => FollowUp.HfsStatus;

    /// <summary>Gardner-Robertson hearing class at this visit; computed when asked, as no statistic needs it.</summary>
    public string? GrClass => GardnerRobertson.Classify(FollowUp.PtaDb, FollowUp.SdsPct);
}
