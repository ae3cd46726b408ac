using System.Globalization;

namespace MvdRegistry.Reporting.Reports;

/// <summary>
/// A cell's Excel number format and the same format in .NET, which gives the text the cell shows
/// (column widths are set from it: ClosedXML's AdjustToContents needs libgdiplus).
/// </summary>
public sealed record NumberFormat(string Excel, Func<double, string> Shown)
{
    private static string Invariant(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    public static readonly NumberFormat Count = new("#,##0", v => Invariant(v, "#,##0"));

    public static readonly NumberFormat Percent = new("0.0%", v => Invariant(100 * v, "0.0") + "%");

    public static readonly NumberFormat Decimal2 = new("0.00", v => Invariant(v, "0.00"));

    public static readonly NumberFormat Decimal3 = new("0.000", v => Invariant(v, "0.000"));

    public static readonly NumberFormat Decimal4 = new("0.0000", v => Invariant(v, "0.0000"));

    /// <summary>p-values: three decimals, and "&lt;0.001" below.</summary>
    public static readonly NumberFormat PValue = new("[<0.001]\"<0.001\";0.000", v => v < 0.001 ? "<0.001" : Invariant(v, "0.000"));

    /// <summary>Days after surgery with a decimal, for a median that falls between two days.</summary>
    public static readonly NumberFormat HalfDays = new("#,##0.0", v => Invariant(v, "#,##0.0"));

    /// <summary>Days after surgery (Kaplan-Meier times and medians): whole days as counts, others with their decimal.</summary>
    public static NumberFormat Days(double days) => days == Math.Floor(days) ? Count : HalfDays;

    public static readonly NumberFormat Date = new("yyyy-mm-dd", v => "0000-00-00");

    public static readonly NumberFormat DateTime = new("yyyy-mm-dd hh:mm", v => "0000-00-00 00:00");
}
