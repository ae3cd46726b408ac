using MvdRegistry.Core.Model;

namespace MvdRegistry.Core.Outcomes;

/// <summary>
/// The derived variables of one operation, as OUTCOMES.md defines them. Null is "empty": not
/// derivable from what was recorded, never a silent "no".
/// </summary>
public sealed class OperationOutcome
{
    public required Operation Operation { get; init; }

    public Patient? Patient => Operation.Patient;
    public string? Indication => Operation.Indication;

    public int? AgeAtSurgery { get; init; }
    public int? LosDays { get; init; }
    public int? LastFuDay { get; init; }
    public string? GrClassPreop { get; init; }

    /// <summary>Dated follow-ups, earliest first.</summary>
    public IReadOnlyList<Visit> Visits { get; init; } = [];

    /// <summary>Whether a visit falls in the one-year window (what one-year capture counts).</summary>
    public bool HasOneYearVisit { get; init; }

    public bool? ImmediateResolution { get; init; }
    public int? FirstResolutionDay { get; init; }
    public bool? DelayedResolution { get; init; }

    /// <summary>HFS: hfs_status, TN/GPN: bni_pain, of the one-year visit.</summary>
    public string? Status1y { get; init; }
    public bool? Complete1y { get; init; }
    public bool? Success1y { get; init; }

    public bool? Recurrence { get; init; }
    public int? RecurrenceDay { get; init; }

    public bool? LsrDisappeared { get; init; }
    public bool? VesselVa { get; init; }
    public bool? ImagingConcordant { get; init; }

    public IReadOnlyList<ClassifiedComplication> Complications { get; init; } = [];

    // Summaries of Complications, kept because every table and stratum asks for them.
    public bool AnyPermanent { get; init; }
    public bool Major { get; init; }
    public bool Death30d { get; init; }
    public bool HasDeath { get; init; }
}
