namespace MvdRegistry.Application.Scheduling;

/// <summary>One operation of a stored overdue list as a page shows it, with how long ago as of today.</summary>
public sealed record OverdueItem
{
    public required string CaseId { get; init; }
    public required string PatientId { get; init; }
    public string? Mrn { get; init; }
    public required string Site { get; init; }
    public string? Indication { get; init; }
    public string? Side { get; init; }
    public required DateOnly SurgeryDate { get; init; }
    public string? Surgeon { get; init; }

    /// <summary>The first visit missed: the next target after the last visit.</summary>
    public required int FirstMissedDay { get; init; }

    /// <summary>The latest visit missed, the one a call would now arrange, and when it was due.</summary>
    public required int LatestMissedDay { get; init; }

    public required DateOnly LatestMissedDate { get; init; }

    /// <summary>The last visit, or the surgery when <see cref="SeenAtVisit"/> is false.</summary>
    public required DateOnly LastSeen { get; init; }

    public required bool SeenAtVisit { get; init; }

    public int DaysSinceLatestMissed { get; init; }

    public int DaysSinceSeen { get; init; }

    /// <summary>The day after surgery of the last visit; null when there was none.</summary>
    public int? LastVisitDay => SeenAtVisit ? LastSeen.DayNumber - SurgeryDate.DayNumber : null;
}

/// <summary>A page of a user's overdue list, and when each of its sites' lists was computed.</summary>
public sealed record OverdueListing(IReadOnlyList<OverdueItem> Items, int Total, IReadOnlyList<Core.Model.OverdueSiteList> Lists);
