using System.Globalization;
using MvdRegistry.Core.Outcomes;

namespace MvdRegistry.Web.Entry;

/// <summary>Where a date falls relative to the operation, in the words a clinician reads beside it.</summary>
public static class PostOpDay
{
    public static string? Describe(DateOnly? surgery, DateOnly? date) => OutcomeDerivation.DaysBetween(surgery, date) switch
    {
        null => null,
        0 => "day of surgery",
        1 => "day 1 after surgery",
        > 1 and var d => $"day {d} after surgery",
        -1 => "1 day before surgery",
        var d => $"{-d} days before surgery",
    };

    public static string? Describe(DateOnly? surgery, string? rawDate) => Describe(surgery, Parse(rawDate));

    public static DateOnly? Parse(string? raw) =>
        DateOnly.TryParseExact(raw?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
