namespace MvdRegistry.Core.Model;

/// <summary>
/// The statistics of OUTCOMES.md computed once and kept, so that the statistics page, reports and
/// the counselling view read them at once: for the whole registry or one filter, as of a date, over
/// the data its fingerprint describes.
/// </summary>
public sealed class StatisticsSnapshot
{
    public long Id { get; set; }

    /// <summary>The filter's canonical key: empty for the whole registry.</summary>
    public string FilterKey { get; set; } = "";

    /// <summary>The date completeness and follow-up windows are judged against.</summary>
    public DateOnly AsOf { get; set; }

    public DateTime ComputedAt { get; set; }

    /// <summary>Who asked: a user, or "schedule" for the nightly run.</summary>
    public string ComputedBy { get; set; } = "";

    /// <summary>The job run that computed it, when a job did.</summary>
    public long? RunId { get; set; }

    /// <summary>Row counts and the latest change of the data it was computed over.</summary>
    public string Fingerprint { get; set; } = "";

    /// <summary>The JSON of <c>mvd stats --json</c> over the same operations.</summary>
    public string Json { get; set; } = "";

    /// <summary>Why one-year statuses are missing, per indication (JSON), which the page shows beside the benefit.</summary>
    public string MissingJson { get; set; } = "{}";
}
