using MvdRegistry.Reporting.Reports;

namespace MvdRegistry.Reporting.Tests.Reports;

/// <summary>
/// Each number format's Excel code and the text .NET gives for it, which sets the column widths: the two must show a value
/// alike (worked out by hand from Excel's format codes).
/// </summary>
public class NumberFormatTests
{
    [Fact]
    public void Each_format_shows_a_value_as_its_excel_code_does()
    {
        Assert.Equal(("#,##0", "1,234,568"), (NumberFormat.Count.Excel, NumberFormat.Count.Shown(1_234_567.8)));
        Assert.Equal(("0.0%", "12.3%"), (NumberFormat.Percent.Excel, NumberFormat.Percent.Shown(0.1234)));
        Assert.Equal(("0.00", "2.35"), (NumberFormat.Decimal2.Excel, NumberFormat.Decimal2.Shown(2.3456)));
        Assert.Equal(("0.000", "2.346"), (NumberFormat.Decimal3.Excel, NumberFormat.Decimal3.Shown(2.3456)));
        Assert.Equal(("0.0000", "2.3457"), (NumberFormat.Decimal4.Excel, NumberFormat.Decimal4.Shown(2.34567)));
        Assert.Equal(("#,##0.0", "1,234.5"), (NumberFormat.HalfDays.Excel, NumberFormat.HalfDays.Shown(1234.5)));
        Assert.Equal(("yyyy-mm-dd", "0000-00-00"), (NumberFormat.Date.Excel, NumberFormat.Date.Shown(46000)));
        Assert.Equal(("yyyy-mm-dd hh:mm", "0000-00-00 00:00"), (NumberFormat.DateTime.Excel, NumberFormat.DateTime.Shown(46000.5)));
    }

    [Fact]
    public void A_p_value_under_one_in_a_thousand_shows_as_less_than_it()
    {
        Assert.Equal("[<0.001]\"<0.001\";0.000", NumberFormat.PValue.Excel);
        Assert.Equal(["<0.001", "<0.001", "0.001", "0.046", "1.000"], new[] { 0.0, 0.000999, 0.001, 0.0456, 1.0 }.Select(NumberFormat.PValue.Shown));
    }

    [Fact]
    public void Days_are_whole_as_counts_and_a_half_day_with_its_decimal()
    {
        Assert.Same(NumberFormat.Count, NumberFormat.Days(14));
        Assert.Same(NumberFormat.Count, NumberFormat.Days(0));
        Assert.Same(NumberFormat.HalfDays, NumberFormat.Days(14.5));
    }
}
