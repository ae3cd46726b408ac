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
}
