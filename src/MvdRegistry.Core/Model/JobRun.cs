namespace MvdRegistry.Core.Model;

/// <summary>
/// One background job as the registry records it (the Hangfire job is only its carrier): what was
/// asked, by whom, how far it got and what it produced. Parameters hold ids and filters only, never
/// clinical values.
/// </summary>
public sealed class JobRun : IVersioned
{
    public long Id { get; set; }

    public int Version { get; set; }

    /// <summary>What the job does, e.g. "statistics".</summary>
    public string Kind { get; set; } = "";

    /// <summary>JSON of the ids and filters the job works on.</summary>
    public string Parameters { get; set; } = "{}";

    public string RequestedBy { get; set; } = "";

    /// <summary>One of <see cref="JobRunStatus"/>.</summary>
    public string Status { get; set; } = JobRunStatus.Queued;

    public int ProgressPercent { get; set; }

    public string? ProgressText { get; set; }

    public DateTime QueuedAt { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    /// <summary>How many rows (operations, records) the job worked through.</summary>
    public int? Rows { get; set; }

    /// <summary>What the job produced: a file path or the id of what it stored.</summary>
    public string? Output { get; set; }

    /// <summary>The last failure, kept while the job is retried and when it finally fails.</summary>
    public string? Error { get; set; }

    public string? HangfireJobId { get; set; }

    public bool IsFinished => Status is JobRunStatus.Succeeded or JobRunStatus.Failed or JobRunStatus.Cancelled;
}

public static class JobRunStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
}
