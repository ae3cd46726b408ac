namespace MvdRegistry.Application.Statistics;

/// <summary>Which operations the statistics are computed over; empty fields do not filter.</summary>
public sealed class StatisticsFilter
{
    /// <summary>HFS, TN or GPN; null for all indications.</summary>
    public string? Indication { get; set; }

    public List<string> Sites { get; set; } = [];

    /// <summary>First year of surgery, inclusive.</summary>
    public int? From { get; set; }

    /// <summary>Last year of surgery, inclusive.</summary>
    public int? To { get; set; }

    /// <summary>First surgery date, inclusive (reports); with <see cref="From"/> set too, both apply.</summary>
    public DateOnly? SurgeryFrom { get; set; }

    /// <summary>Last surgery date, inclusive (reports); with <see cref="To"/> set too, both apply.</summary>
    public DateOnly? SurgeryTo { get; set; }

    /// <summary>One surgeon's operations (their own outcomes); never taken from a request.</summary>
    public string? Surgeon { get; set; }

    public bool IsEmpty => Indication is null && Sites.Count == 0 && From is null && To is null && SurgeryFrom is null && SurgeryTo is null && Surgeon is null;

    /// <summary>
    /// The filter as one canonical string (sites sorted, empty parts left out), under which its
    /// statistics snapshots are kept: empty for the whole registry.
    /// </summary>
    public string Key()
    {
        var parts = new List<string>();
        if (Indication is { } indication) parts.Add("indication=" + indication);
        if (Sites.Count > 0) parts.Add("sites=" + string.Join(',', Sites.Distinct().Order(StringComparer.Ordinal)));
        if (From is { } from) parts.Add("from=" + from);
        if (To is { } to) parts.Add("to=" + to);
        if (SurgeryFrom is { } first) parts.Add("surgery-from=" + first.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (SurgeryTo is { } last) parts.Add("surgery-to=" + last.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (Surgeon is { } surgeon) parts.Add("surgeon=" + surgeon);
        return string.Join(';', parts);
    }
}
