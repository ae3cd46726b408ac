namespace MvdRegistry.Core.Model;

/// <summary>
/// That a site's overdue list (its <see cref="OverdueOperation"/> rows) is stored, and when it was last
/// computed whole. A site without one has no list yet: readers compute it rather than show "nothing overdue".
/// Its row is also the lock that makes the whole-site replacement and the per-operation updates of saves
/// take turns.
/// </summary>
public sealed class OverdueSiteList
{
    public string SiteCode { get; set; } = "";

    /// <summary>The date the whole list was computed as of.</summary>
    public DateOnly AsOf { get; set; }

    public DateTime ComputedAt { get; set; }

    /// <summary>Who computed it: "schedule" for the daily job, or the user whose page first needed it.</summary>
    public string ComputedBy { get; set; } = "";

    /// <summary>The job run that computed it, when a job did.</summary>
    public long? RunId { get; set; }

    /// <summary>When a save or a delete last changed an operation of the list (null: none since it was computed).</summary>
    public DateTime? UpdatedAt { get; set; }
}
