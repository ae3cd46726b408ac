using ClosedXML.Excel;
using MvdRegistry.Core.Statistics;

namespace MvdRegistry.Reporting.Reports;

/// <summary>
/// One sheet of the report as its writers fill it: a title, the scope line, group headers in row 3,
/// column headers in row 4 (frozen), then the rows. Every value goes in with its number format, and
/// the text it shows is remembered per column, so that <see cref="Finish"/> sets each column's width
/// from its content without ClosedXML's AdjustToContents (which needs libgdiplus).
/// Null numbers are left empty; numbers that are not finite are never written.
/// </summary>
public sealed class ReportSheet
{
    public const int GroupRow = 3;
    public const int HeaderRow = 4;
    public const int FirstRow = 5;

    private const double MinWidth = 6, MaxWidth = 60;
    private static readonly XLColor HeaderFill = XLColor.FromArgb(0xE9, 0xEC, 0xEF);
    private static readonly XLColor NoteColour = XLColor.FromArgb(0x49, 0x50, 0x57);
    public static readonly XLColor WarningFill = XLColor.FromArgb(0xFF, 0xE5, 0x99);
    public static readonly XLColor AlertFill = XLColor.FromArgb(0xF8, 0xD7, 0xDA);

    private readonly Dictionary<int, double> _widths = [];
    private readonly HashSet<int> _fixed = [];
    private readonly List<ReportPicture> _pictures;

    public ReportSheet(XLWorkbook workbook, string name, string title, string scopeLine, List<ReportPicture> pictures)
    {
        Sheet = workbook.Worksheets.Add(name);
        _pictures = pictures;
        var titleCell = Sheet.Cell(1, 1);
        titleCell.SetValue(title);
        titleCell.Style.Font.Bold = true;
        titleCell.Style.Font.FontSize = 14;
        Sheet.Row(1).Height = 21;
        Note(2, 1, scopeLine);
        Sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        Sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
        Sheet.PageSetup.FitToPages(1, 0);
    }

    public IXLWorksheet Sheet { get; }

    public string Name => Sheet.Name;

    /// <summary>A line of text that runs over the empty cells to its right; it does not widen its column.</summary>
    public void Note(int row, int column, string text, bool bold = false)
    {
        var cell = Sheet.Cell(row, column);
        cell.SetValue(text);
        cell.Style.Font.FontColor = bold ? XLColor.Black : NoteColour;
        cell.Style.Font.Bold = bold;
    }

    /// <summary>A warning the reader must not miss: bold, on a yellow band across <paramref name="span"/> columns.</summary>
    public void Warning(int row, int column, string text, int span)
    {
        Note(row, column, text, bold: true);
        Sheet.Range(row, column, row, column + span - 1).Style.Fill.BackgroundColor = WarningFill;
    }

    /// <summary>A heading over several columns (row 3 over row 4's headers, or a section's own), centred on them.</summary>
    public void Group(int row, int column, int span, string text)
    {
        var range = Sheet.Range(row, column, row, column + span - 1);
        if (span > 1) range.Merge();
        range.FirstCell().SetValue(text);
        range.Style.Font.Bold = true;
        range.Style.Fill.BackgroundColor = HeaderFill;
        range.Style.Alignment.Horizontal = span > 1 ? XLAlignmentHorizontalValues.Center : XLAlignmentHorizontalValues.Left;
        range.Style.Border.BottomBorder = XLBorderStyleValues.Thin;
    }

    /// <summary>Column headers from <paramref name="column"/> on: the first <paramref name="textColumns"/> left-aligned over text, the rest right-aligned over numbers.</summary>
    public void Headers(int row, int column, int textColumns, params string[] names)
    {
        for (var i = 0; i < names.Length; i++)
        {
            var cell = Sheet.Cell(row, column + i);
            cell.SetValue(names[i]);
            cell.Style.Font.Bold = true;
            cell.Style.Fill.BackgroundColor = HeaderFill;
            cell.Style.Border.BottomBorder = XLBorderStyleValues.Thin;
            cell.Style.Alignment.Horizontal = i < textColumns ? XLAlignmentHorizontalValues.Left : XLAlignmentHorizontalValues.Right;
            Measure(column + i, names[i], bold: true);
        }
    }

    public IXLCell Text(int row, int column, string? text, bool bold = false)
    {
        var cell = Sheet.Cell(row, column);
        if (text is null) return cell;
        cell.SetValue(text);
        cell.Style.Font.Bold = bold;
        Measure(column, text, bold);
        return cell;
    }

    public IXLCell Number(int row, int column, double? value, NumberFormat format, bool bold = false)
    {
        var cell = Sheet.Cell(row, column);
        if (value is not { } v || !double.IsFinite(v)) return cell;
        cell.SetValue(v);
        cell.Style.NumberFormat.Format = format.Excel;
        cell.Style.Font.Bold = bold;
        Measure(column, format.Shown(v), bold);
        return cell;
    }

    public IXLCell Count(int row, int column, int? value, bool bold = false) => Number(row, column, value, NumberFormat.Count, bold);

    public IXLCell Percent(int row, int column, double? value, bool bold = false) => Number(row, column, value, NumberFormat.Percent, bold);

    public IXLCell Date(int row, int column, DateTime value, NumberFormat format)
    {
        var cell = Sheet.Cell(row, column);
        cell.SetValue(value);
        cell.Style.NumberFormat.Format = format.Excel;
        cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
        Measure(column, format.Shown(0), false);
        return cell;
    }

    /// <summary>The five columns of a proportion: count, denominator, percentage, 95% CI lower and upper bound.</summary>
    public static readonly string[] ProportionHeaders = ["n", "of", "%", "95% CI from", "to"];

    /// <returns>The column after the five.</returns>
    public int Proportion(int row, int column, Proportion p, bool bold = false)
    {
        Count(row, column, p.X, bold);
        Count(row, column + 1, p.N, bold);
        Interval(row, column + 2, p.P, p.Lower, p.Upper, bold);
        return column + 5;
    }

    /// <summary>A rate and its interval, as percentages, in three columns.</summary>
    public int Interval(int row, int column, double? rate, double? lower, double? upper, bool bold = false)
    {
        Percent(row, column, rate, bold);
        Percent(row, column + 1, lower, bold);
        Percent(row, column + 2, upper, bold);
        return column + 3;
    }

    public void Fill(int row, int fromColumn, int toColumn, XLColor colour) =>
        Sheet.Range(row, fromColumn, row, toColumn).Style.Fill.BackgroundColor = colour;

    public void Picture(int row, int column, byte[] png, int width, int height, string name, string description) =>
        _pictures.Add(new ReportPicture(Name, row, column, png, width, height, name, description));

    /// <summary>A column of long text, wrapped at a fixed width, with each row as tall as its lines.</summary>
    public void Wrap(int column, double width, int fromRow, int toRow)
    {
        Sheet.Column(column).Width = width;
        Sheet.Column(column).Style.Alignment.WrapText = true;
        for (var row = fromRow; row <= toRow; row++)
        {
            var text = Sheet.Cell(row, column).GetString();
            if (text.Length == 0) continue;
            // About one character per width unit, less a margin for word breaks.
            var lines = text.Split('\n').Sum(line => Math.Max(1, (int)Math.Ceiling(line.Length / (width * 1.15))));
            Sheet.Row(row).Height = 15 * lines;
        }
        _fixed.Add(column);
    }

    /// <summary>Widths from the content; rows above <paramref name="freezeRows"/> stay on screen and are printed on every page.</summary>
    public void Finish(int freezeRows = HeaderRow)
    {
        foreach (var (column, chars) in _widths)
            if (!_fixed.Contains(column)) Sheet.Column(column).Width = Math.Clamp(chars + 2, MinWidth, MaxWidth);
        if (freezeRows <= 0) return;
        Sheet.SheetView.FreezeRows(freezeRows);
        Sheet.PageSetup.SetRowsToRepeatAtTop(Math.Min(freezeRows, GroupRow), freezeRows);
    }

    /// <summary>Remembers how wide a cell's text is, in characters of the default font (bold about a tenth wider).</summary>
    private void Measure(int column, string text, bool bold)
    {
        var chars = text.Length * (bold ? 1.1 : 1.0);
        if (!_widths.TryGetValue(column, out var width) || chars > width) _widths[column] = chars;
    }
}
