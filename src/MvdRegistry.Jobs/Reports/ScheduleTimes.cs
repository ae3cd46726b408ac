using Cronos;

namespace MvdRegistry.Jobs.Reports;

/// <summary>
/// Reads a schedule's cron expression (five fields, as Hangfire reads them) with Cronos and its IANA
/// time zone, and tells when it runs next.
/// </summary>
public static class ScheduleTimes
{
    /// <summary>The cron expression, or the reason it is not one.</summary>
    public static (CronExpression? Cron, string? Error) ParseCron(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, "The cron expression is required (five fields: minute hour day-of-month month day-of-week, e.g. 0 6 1 */3 *).");
        try
        {
            return (CronExpression.Parse(text.Trim(), CronFormat.Standard), null);
        }
        catch (CronFormatException e)
        {
            return (null, $"'{text}' is not a cron expression of five fields (minute hour day-of-month month day-of-week): {e.Message}");
        }
    }

    /// <summary>The time zone of an IANA id, or the reason there is none.</summary>
    public static (TimeZoneInfo? Zone, string? Error) ParseZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return (null, "The time zone is required (an IANA id such as Europe/Madrid or UTC).");
        if (TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) && zone.HasIanaId) return (zone, null);
        return (null, $"'{id}' is not an IANA time zone id (such as Europe/Madrid or UTC).");
    }

    /// <summary>The next <paramref name="count"/> times after <paramref name="from"/>, in the schedule's time zone.</summary>
    public static IReadOnlyList<DateTimeOffset> Next(string cron, string timeZone, DateTimeOffset from, int count = 3)
    {
        var expression = ParseCron(cron).Cron ?? throw new ArgumentException(ParseCron(cron).Error, nameof(cron));
        var zone = ParseZone(timeZone).Zone ?? throw new ArgumentException(ParseZone(timeZone).Error, nameof(timeZone));
        var times = new List<DateTimeOffset>(count);
        var after = from;
        while (times.Count < count && expression.GetNextOccurrence(after, zone) is { } next)
        {
            times.Add(next);
            after = next;
        }
        return times;
    }
}
