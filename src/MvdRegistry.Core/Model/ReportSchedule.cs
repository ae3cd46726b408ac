namespace MvdRegistry.Core.Model;

/// <summary>
/// A report an administrator has scheduled: which report, over which operations, when (a cron
/// expression read in an IANA time zone) and how many of its runs to keep. Each active schedule is a
/// Hangfire recurring job, registered again from this row whenever a host that runs jobs starts.
/// </summary>
public sealed class ReportSchedule : IVersioned
{
    public long Id { get; set; }

    public int Version { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The report: "outcomes".</summary>
    public string ReportKind { get; set; } = "";

    /// <summary>HFS, TN or GPN; null for all indications.</summary>
    public string? Indication { get; set; }

    /// <summary>Site codes, comma-separated; empty for every site.</summary>
    public string Sites { get; set; } = "";

    public DateOnly? SurgeryFrom { get; set; }

    public DateOnly? SurgeryTo { get; set; }

    /// <summary>Five fields (minute hour day month weekday), as Hangfire reads them.</summary>
    public string Cron { get; set; } = "";

    /// <summary>An IANA time zone id, e.g. Europe/Madrid.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>How many of its latest runs (and their files) are kept.</summary>
    public int RunsToKeep { get; set; }

    public bool Paused { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}
