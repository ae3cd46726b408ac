using MvdRegistry.Core.Model;

namespace MvdRegistry.Core.Outcomes;

/// <param name="OnsetDay">Days from surgery to onset; null when either date is missing.</param>
public sealed record ClassifiedComplication(Complication Complication, ComplicationClass Class, int? OnsetDay)
{
    public string? Type => Complication.ComplicationType;

    public bool IsMajor => Codes.IsMajor(Complication.ClavienDindo);

    public bool IsDeathWithin30Days => Type == Codes.Death && OnsetDay <= 30;
}
