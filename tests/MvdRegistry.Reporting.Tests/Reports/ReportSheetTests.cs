using ClosedXML.Excel;
using MvdRegistry.Reporting.Reports;

namespace MvdRegistry.Reporting.Tests.Reports;

/// <summary>
/// The rules every sheet of the report is written by, read straight from ClosedXML's model: the title and scope line, the page,
/// notes and warnings, headings and headers, the widths measured from the text, wrapped columns, and the frozen and printed rows.
/// </summary>
public sealed class ReportSheetTests : IDisposable
{
    private static readonly XLColor NoteColour = XLColor.FromArgb(0x49, 0x50, 0x57);
    private static readonly XLColor HeaderFill = XLColor.FromArgb(0xE9, 0xEC, 0xEF);

    private readonly XLWorkbook _workbook = new();
    private readonly ReportSheet _sheet;

    public ReportSheetTests() => _sheet = new ReportSheet(_workbook, "Test", "The title", "the scope line", []);

    public void Dispose() => _workbook.Dispose();

    private IXLCell Cell(int row, int column) => _sheet.Sheet.Cell(row, column);

    private double Width(int column) => _sheet.Sheet.Column(column).Width;

    [Fact]
    public void A_sheet_opens_with_its_title_and_scope_line_and_prints_one_page_wide_on_landscape_a4()
    {
        Assert.Equal(("The title", true, 14.0), (Cell(1, 1).GetString(), Cell(1, 1).Style.Font.Bold, Cell(1, 1).Style.Font.FontSize));
        Assert.Equal(21, _sheet.Sheet.Row(1).Height);
        Assert.Equal(("the scope line", false, NoteColour), (Cell(2, 1).GetString(), Cell(2, 1).Style.Font.Bold, Cell(2, 1).Style.Font.FontColor));
        var page = _sheet.Sheet.PageSetup;
        Assert.Equal((XLPageOrientation.Landscape, XLPaperSize.A4Paper, 1, 0), (page.PageOrientation, page.PaperSize, page.PagesWide, page.PagesTall));
    }

    [Fact]
    public void A_note_is_grey_and_a_bold_one_black_and_neither_widens_its_column()
    {
        _sheet.Note(5, 1, "a note that runs far over the empty cells to its right");
        _sheet.Note(6, 1, "a bold note", bold: true);
        _sheet.Text(7, 1, "abc");
        _sheet.Finish();

        Assert.Equal((false, NoteColour), (Cell(5, 1).Style.Font.Bold, Cell(5, 1).Style.Font.FontColor));
        Assert.Equal((true, XLColor.Black), (Cell(6, 1).Style.Font.Bold, Cell(6, 1).Style.Font.FontColor));
        Assert.Equal(6, Width(1)); // the narrowest width: "abc" and 2
    }

    [Fact]
    public void A_warning_is_bold_on_a_yellow_band_across_its_span_only()
    {
        _sheet.Warning(3, 2, "Mind this.", span: 3);

        Assert.True(Cell(3, 2).Style.Font.Bold);
        Assert.All(new[] { 2, 3, 4 }, c => Assert.Equal(ReportSheet.WarningFill, Cell(3, c).Style.Fill.BackgroundColor));
        Assert.All(new[] { 1, 5 }, c => Assert.NotEqual(ReportSheet.WarningFill, Cell(3, c).Style.Fill.BackgroundColor));
    }

    [Fact]
    public void A_heading_over_several_columns_is_merged_and_centred_and_over_one_left_aligned()
    {
        _sheet.Group(3, 2, 4, "Wide");
        _sheet.Group(3, 7, 1, "Narrow");

        Assert.Equal(["B3:E3"], _sheet.Sheet.MergedRanges.Select(r => r.RangeAddress.ToString()));
        Assert.Equal(("Wide", true, XLAlignmentHorizontalValues.Center), (Cell(3, 2).GetString(), Cell(3, 2).Style.Font.Bold, Cell(3, 2).Style.Alignment.Horizontal));
        Assert.Equal(HeaderFill, Cell(3, 5).Style.Fill.BackgroundColor);
        Assert.Equal(XLBorderStyleValues.Thin, Cell(3, 5).Style.Border.BottomBorder);
        Assert.Equal(("Narrow", true, XLAlignmentHorizontalValues.Left), (Cell(3, 7).GetString(), Cell(3, 7).Style.Font.Bold, Cell(3, 7).Style.Alignment.Horizontal));
    }

    [Fact]
    public void Headers_are_bold_text_ones_left_and_number_ones_right_and_set_their_columns_widths()
    {
        _sheet.Headers(4, 1, 2, "Site", "Name", "Operations");
        _sheet.Finish();

        Assert.All(new[] { 1, 2, 3 }, c => Assert.True(Cell(4, c).Style.Font.Bold));
        Assert.Equal([XLAlignmentHorizontalValues.Left, XLAlignmentHorizontalValues.Left, XLAlignmentHorizontalValues.Right],
            new[] { 1, 2, 3 }.Select(c => Cell(4, c).Style.Alignment.Horizontal));
        Assert.Equal(HeaderFill, Cell(4, 3).Style.Fill.BackgroundColor);
        // "Operations": 10 characters, bold a tenth wider, and 2.
        Assert.Equal(13, Width(3), 9);
    }

    [Fact]
    public void A_column_is_as_wide_as_its_widest_shown_text_within_6_and_60()
    {
        _sheet.Text(5, 1, "twelve chars");
        _sheet.Text(6, 1, "short");
        _sheet.Text(5, 2, "twelve chars", bold: true);
        _sheet.Count(5, 3, 1234567);
        _sheet.Text(5, 4, new string('x', 80));
        _sheet.Date(5, 5, new DateTime(2026, 12, 31, 9, 30, 0), NumberFormat.DateTime);
        _sheet.Number(5, 6, double.NaN, NumberFormat.Decimal2);
        _sheet.Number(6, 6, 0.5, NumberFormat.Decimal2);
        _sheet.Finish();

        Assert.Equal(14, Width(1), 9);
        Assert.Equal(12 * 1.1 + 2, Width(2), 9);
        Assert.Equal(11, Width(3), 9);       // "1,234,567"
        Assert.Equal(60, Width(4), 9);
        Assert.Equal(18, Width(5), 9);       // "0000-00-00 00:00"
        Assert.Equal(6, Width(6), 9);        // "0.50", the NaN left empty
        Assert.True(Cell(5, 6).IsEmpty());
        Assert.Equal(XLAlignmentHorizontalValues.Left, Cell(5, 5).Style.Alignment.Horizontal);
    }

    [Fact]
    public void A_proportion_fills_five_columns_and_an_interval_three()
    {
        Assert.Equal(7, _sheet.Proportion(5, 2, Core.Statistics.Proportion.Wilson(3, 10)));
        Assert.Equal(5, _sheet.Interval(6, 2, 0.3, 0.1, 0.6));
        Assert.Equal([3, 10, 0.3], new[] { 2, 3, 4 }.Select(c => Cell(5, c).GetDouble()));
        Assert.Equal(0.6, Cell(6, 4).GetDouble());
    }

    [Fact]
    public void A_wrapped_column_keeps_its_width_and_each_row_is_as_tall_as_its_lines()
    {
        _sheet.Text(5, 2, new string('x', 24));          // 24 characters at width 20 (23 to a line): two lines
        _sheet.Text(6, 2, "one\ntwo\n" + new string('y', 30)); // three lines, the last taking two: four
        _sheet.Text(8, 2, "the last\nrow");                // the last row of the range: two lines
        _sheet.Text(9, 2, new string('z', 100));           // below the range
        _sheet.Wrap(2, 20, 5, 8);
        _sheet.Finish();

        Assert.Equal(20, Width(2));
        Assert.True(_sheet.Sheet.Column(2).Style.Alignment.WrapText);
        Assert.Equal([30.0, 60.0, 30.0], new[] { 5, 6, 8 }.Select(r => _sheet.Sheet.Row(r).Height));
        Assert.Equal(_sheet.Sheet.RowHeight, _sheet.Sheet.Row(9).Height); // the sheet's default, as the empty row 7's
        Assert.Equal(_sheet.Sheet.RowHeight, _sheet.Sheet.Row(7).Height);
    }

    [Fact]
    public void Finishing_freezes_the_headers_and_prints_the_heading_rows_on_every_page_unless_told_not_to()
    {
        _sheet.Finish();
        Assert.Equal(4, _sheet.Sheet.SheetView.SplitRow);
        Assert.Equal((3, 4), (_sheet.Sheet.PageSetup.FirstRowToRepeatAtTop, _sheet.Sheet.PageSetup.LastRowToRepeatAtTop));

        using var workbook = new XLWorkbook();
        var cover = new ReportSheet(workbook, "Cover", "t", "s", []);
        cover.Finish(freezeRows: 0);
        Assert.Equal(0, cover.Sheet.SheetView.SplitRow);
        Assert.Equal(0, cover.Sheet.PageSetup.FirstRowToRepeatAtTop);

        var two = new ReportSheet(workbook, "Two", "t", "s", []);
        two.Finish(freezeRows: 2);
        Assert.Equal((2, 2), (two.Sheet.PageSetup.FirstRowToRepeatAtTop, two.Sheet.PageSetup.LastRowToRepeatAtTop));
    }
}
