using System.Globalization;
using MvdRegistry.Core.Statistics;

namespace MvdRegistry.Web.Pages.Statistics;

/// <summary>Numbers as the statistics page prints them: percentages to one decimal, the Wilson interval beside.</summary>
public static class StatFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Count(Proportion p) => $"{p.X}/{p.N}";

    public static string Percent(double? p) => p is { } v ? (100 * v).ToString("0.0", Invariant) + "%" : "–";

    public static string Interval(Proportion p) => Interval(p.Lower, p.Upper);

    public static string Interval(double? lower, double? upper) =>
        lower is { } l && upper is { } u ? $"{(100 * l).ToString("0.0", Invariant)}–{(100 * u).ToString("0.0", Invariant)}%" : "–";

    public static string Decimal(double? value, int digits = 2) =>
        value is { } v ? v.ToString("F" + digits.ToString(Invariant), Invariant) : "–";

    public static string Days(double? value) => value is { } v ? v.ToString("0.#", Invariant) : "not reached";

    public static string PValue(double? p) => p switch
    {
        null => "–",
        < 0.001 => "<0.001",
        _ => p.Value.ToString("0.000", Invariant),
    };
}
