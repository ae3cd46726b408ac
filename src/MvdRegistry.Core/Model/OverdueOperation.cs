namespace MvdRegistry.Core.Model;

/// <summary>
/// One operation of a site's stored overdue list (OUTCOMES.md, Statistics item 9): which visit was
/// missed first and most recently, and when the patient was last seen. Computed by the daily overdue
/// job for the whole site, and again for this one operation when its records are saved or deleted.
/// </summary>
public sealed class OverdueOperation
{
    public string CaseId { get; set; } = "";

    public Operation? Operation { get; set; }

    public string SiteCode { get; set; } = "";

    public string PatientId { get; set; } = "";

    public string? SurgeonCode { get; set; }

    public DateOnly SurgeryDate { get; set; }

    /// <summary>The first visit target missed: the next target after the last visit.</summary>
    public int FirstMissedDay { get; set; }

    /// <summary>The latest visit target more than 30 days past: the visit a call would now arrange.</summary>
    public int LatestMissedDay { get; set; }

    /// <summary>When the latest missed visit was due (surgery date + <see cref="LatestMissedDay"/>).</summary>
    public DateOnly LatestMissedDate { get; set; }

    /// <summary>The last visit, or the surgery when there was none (<see cref="SeenAtVisit"/> false).</summary>
    public DateOnly LastSeen { get; set; }

    public bool SeenAtVisit { get; set; }

    /// <summary>The date the row was judged overdue as of.</summary>
    public DateOnly AsOf { get; set; }

    public DateTime ComputedAt { get; set; }
}
