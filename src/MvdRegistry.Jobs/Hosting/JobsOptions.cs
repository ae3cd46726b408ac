namespace MvdRegistry.Jobs.Hosting;

/// <summary>The <c>Jobs</c> section of configuration.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    public const string DefaultSchema = "hangfire";

    /// <summary>Hangfire's schema in the registry's database (on SQLite: the middle of its file's name).</summary>
    public string Schema { get; set; } = DefaultSchema;

    /// <summary>Whether the web host runs Hangfire servers itself (the Worker always does).</summary>
    public bool RunServer { get; set; } = true;

    /// <summary>Workers of the <c>default</c> queue: light, short jobs.</summary>
    public int DefaultWorkers { get; set; } = 2;

    /// <summary>Workers of the <c>heavy</c> queue: statistics, exports, reports.</summary>
    public int HeavyWorkers { get; set; } = 1;

    /// <summary>How often the queues are polled on SQLite and PostgreSQL.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often delayed jobs (retries waiting out their delay) are moved to their queue.</summary>
    public TimeSpan SchedulePollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// PostgreSQL and SQL Server: how long the job of a worker that died (killed, its machine lost) stays
    /// invisible before another worker takes it. The timeout slides: a live worker renews it while the job
    /// runs, so it need not exceed the longest job. On PostgreSQL it is also how long a dead worker's
    /// distributed locks (the run's lock of <c>JobRunner</c>) hold before another worker may take them.
    /// </summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// SQLite storage only (no sliding invisibility timeout there): a job still running after this is
    /// handed to another worker, so it must exceed the longest job.
    /// </summary>
    public TimeSpan SqliteInvisibilityTimeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>When the statistics snapshot of the whole registry is computed (cron); empty for never. Nightly at 02:00 by default.</summary>
    public string? StatisticsCron { get; set; } = "0 2 * * *";

    /// <summary>When every site's overdue follow-up list is computed and stored (cron); empty for never (pages then compute a site's list on first need only). Daily at 01:00 by default.</summary>
    public string? OverdueCron { get; set; } = "0 1 * * *";

    /// <summary>The time zone the cron expressions are read in (an IANA id such as Europe/Madrid).</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Where jobs write their files (relative paths from the current directory).</summary>
    public string OutputFolder { get; set; } = "reports";

    /// <summary>How many days an export's files are kept for download before the hourly cleanup removes them.</summary>
    public int ExportRetentionDays { get; set; } = 7;
}
