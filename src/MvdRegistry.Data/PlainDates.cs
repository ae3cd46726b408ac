using System.Data.Common;

namespace MvdRegistry.Data;

/// <summary>
/// A date read from a plain data reader: SQLite keeps a date as its text, yyyy-MM-dd, parsed here without
/// the general parser; anything else as the provider reads it. Shared by the statistics' load and the export's rows.
/// </summary>
public static class PlainDates
{
    public static DateOnly? Read(DbDataReader r, int i)
    {
        if (r.IsDBNull(i)) return null;
        if (r.GetFieldType(i) == typeof(string) && ParseIso(r.GetString(i)) is { } date) return date;
        return r.GetFieldValue<DateOnly>(i);
    }

    /// <summary>yyyy-MM-dd; null for anything else (then the provider reads it).</summary>
    private static DateOnly? ParseIso(string s)
    {
        if (s.Length != 10 || s[4] != '-' || s[7] != '-') return null;
        var (year, month, day) = (Digits(s, 0, 4), Digits(s, 5, 2), Digits(s, 8, 2));
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return new DateOnly(year, month, day);
    }

    private static int Digits(string s, int start, int count)
    {
        var value = 0;
        for (var k = start; k < start + count; k++)
        {
            var d = s[k] - '0';
            if ((uint)d > 9) return -1;
            value = value * 10 + d;
        }
        return value;
    }
}
