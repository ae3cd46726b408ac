using MvdRegistry.Application.Scheduling;

namespace MvdRegistry.Web.Pages.FollowUps;

public sealed class OverdueRow
{
    public string CaseId { get; init; } = "";
    public string PatientId { get; init; } = "";
    public string? Mrn { get; init; }
    public string? Site { get; init; }
    public string? Indication { get; init; }
    public DateOnly? SurgeryDate { get; init; }
    public string? Surgeon { get; init; }
    public DateOnly? LastVisit { get; init; }

    public int? LastVisitDay => SurgeryDate is { } s && LastVisit is { } v ? v.DayNumber - s.DayNumber : null;

    /// <summary>Days since the patient was last seen for this operation: the last visit, or the surgery.</summary>
    public int? DaysSinceSeen { get; set; }

    public NextVisit Next { get; set; } = new(VisitState.NotExpected, null, null, 0);
}
