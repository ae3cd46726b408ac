using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;
using A = DocumentFormat.OpenXml.Drawing;

namespace MvdRegistry.Reporting.Tests.Reports;

/// <summary>
/// A picture as the file holds it: the cell of its top left corner (1-based), its size in EMU, its bytes, its drawing id, name and
/// alternative text, and whether its aspect is locked (resizing it keeps its proportions).
/// </summary>
public sealed record WorkbookPicture(int Row, int Column, long Cx, long Cy, byte[] Bytes, uint Id, string Name, string Description, bool KeepsAspect)
{
    /// <summary>The rows of the default height (20 pixels, 9,525 EMU a pixel) the picture reaches into.</summary>
    public int RowsCovered => (int)Math.Ceiling(Cy / 9525.0 / 20);
}

/// <summary>
/// Reads a written .xlsx back through DocumentFormat.OpenXml, as another program would: cell values,
/// number formats, frozen rows, column widths and pictures. (ClosedXML 0.95.4 cannot reopen a workbook
/// holding pictures without libgdiplus.)
/// </summary>
public sealed partial class WorkbookFile : IDisposable
{
    private readonly SpreadsheetDocument _document;
    private readonly WorkbookPart _workbook;
    private readonly string[] _sharedStrings;

    public WorkbookFile(byte[] bytes)
    {
        _document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        _workbook = _document.WorkbookPart!;
        _sharedStrings = _workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
    }

    public IReadOnlyList<string> SheetNames => _workbook.Workbook.Descendants<Sheet>().Select(s => s.Name!.Value!).ToArray();

    public WorksheetPart Part(string sheet) =>
        (WorksheetPart)_workbook.GetPartById(_workbook.Workbook.Descendants<Sheet>().Single(s => s.Name == sheet).Id!);

    public IEnumerable<Cell> Cells(string sheet) => Part(sheet).Worksheet.Descendants<Cell>();

    public Cell? Cell(string sheet, int row, int column) =>
        Cells(sheet).FirstOrDefault(c => c.CellReference?.Value == Reference(row, column));

    /// <summary>A cell's value: a string, a double, or null when empty.</summary>
    public object? Value(Cell? cell)
    {
        if (cell is null) return null;
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString?.InnerText;
        if (cell.CellValue is null || cell.CellValue.Text.Length == 0) return null;
        if (cell.DataType?.Value == CellValues.SharedString) return _sharedStrings[int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)];
        if (cell.DataType?.Value is CellValues.String or CellValues.Error or CellValues.Boolean) return cell.CellValue.Text;
        return double.Parse(cell.CellValue.Text, CultureInfo.InvariantCulture);
    }

    public object? Value(string sheet, int row, int column) => Value(Cell(sheet, row, column));

    public string Text(string sheet, int row, int column) => Value(sheet, row, column) as string ?? "";

    public double? Number(string sheet, int row, int column) => Value(sheet, row, column) as double?;

    /// <summary>The texts of <paramref name="count"/> cells along a row from <paramref name="fromColumn"/> ("" for an empty one).</summary>
    public string[] Across(string sheet, int row, int fromColumn, int count) =>
        Enumerable.Range(fromColumn, count).Select(c => Text(sheet, row, c)).ToArray();

    /// <summary>The texts of <paramref name="count"/> cells down a column from <paramref name="fromRow"/> ("" for an empty one).</summary>
    public string[] Down(string sheet, int fromRow, int column, int count) =>
        Enumerable.Range(fromRow, count).Select(r => Text(sheet, r, column)).ToArray();

    /// <summary>The first row (at or below <paramref name="fromRow"/>) whose cell in <paramref name="column"/> holds exactly this text.</summary>
    public int Row(string sheet, int column, string text, int fromRow = 1)
    {
        var rows = Cells(sheet).Where(c => Column(c) == column && Value(c) as string == text).Select(RowOf).Where(r => r >= fromRow).Order().ToArray();
        return rows.Length > 0 ? rows[0] : throw new Xunit.Sdk.XunitException($"no cell \"{text}\" in column {column} of {sheet}");
    }

    /// <summary>The number format code of a cell ("General" when none is set).</summary>
    public string Format(Cell cell)
    {
        var index = cell.StyleIndex?.Value ?? 0;
        var stylesheet = _workbook.WorkbookStylesPart!.Stylesheet;
        var format = stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)index);
        var id = format.NumberFormatId?.Value ?? 0;
        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>().FirstOrDefault(f => f.NumberFormatId?.Value == id);
        return custom?.FormatCode?.Value ?? (id switch { 0 => "General", 9 => "0%", 10 => "0.00%", _ => "builtin " + id });
    }

    public string Format(string sheet, int row, int column) => Format(Cell(sheet, row, column)!);

    private CellFormat StyleOf(string sheet, int row, int column) =>
        _workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)(Cell(sheet, row, column)?.StyleIndex?.Value ?? 0));

    /// <summary>Whether a cell's font is bold (an empty cell with no style is not).</summary>
    public bool Bold(string sheet, int row, int column)
    {
        var font = _workbook.WorkbookStylesPart!.Stylesheet.Fonts!.Elements<Font>().ElementAt((int)(StyleOf(sheet, row, column).FontId?.Value ?? 0));
        return font.Bold is { } bold && (bold.Val?.Value ?? true);
    }

    /// <summary>A cell's solid fill as ARGB hex (FFRRGGBB), or null when it has none.</summary>
    public string? Fill(string sheet, int row, int column)
    {
        var fill = _workbook.WorkbookStylesPart!.Stylesheet.Fills!.Elements<Fill>().ElementAt((int)(StyleOf(sheet, row, column).FillId?.Value ?? 0));
        return fill.PatternFill is { PatternType.Value: var pattern } solid && pattern == PatternValues.Solid ? solid.ForegroundColor?.Rgb?.Value : null;
    }

    /// <summary>Rows frozen at the top (0 when none).</summary>
    public int FrozenRows(string sheet)
    {
        var pane = Part(sheet).Worksheet.Descendants<Pane>().FirstOrDefault();
        return pane?.State?.Value is PaneStateValues.Frozen or PaneStateValues.FrozenSplit ? (int)(pane.VerticalSplit?.Value ?? 0) : 0;
    }

    /// <summary>The width set on a column, or null when the column keeps the default width.</summary>
    public double? Width(string sheet, int column) =>
        Part(sheet).Worksheet.Descendants<Column>()
            .FirstOrDefault(c => c.Min!.Value <= column && column <= c.Max!.Value && c.CustomWidth?.Value == true)?.Width?.Value;

    /// <summary>The workbook's defined names with the sheet they belong to (null for the workbook's own): print titles and the like.</summary>
    public IReadOnlyList<(string Name, string? Sheet, string Value)> DefinedNames() =>
        _workbook.Workbook.DefinedNames?.Elements<DefinedName>()
            .Select(n => (n.Name!.Value!, n.LocalSheetId?.Value is { } id ? SheetNames[(int)id] : null, n.Text))
            .ToArray() ?? [];

    /// <summary>The sheet's merged ranges, as references ("A3:K3").</summary>
    public IReadOnlyList<string> MergedRanges(string sheet) =>
        Part(sheet).Worksheet.Descendants<MergeCell>().Select(m => m.Reference!.Value!).ToArray();

    public IReadOnlyList<WorkbookPicture> Pictures(string sheet)
    {
        var drawing = Part(sheet).DrawingsPart;
        if (drawing is null) return [];
        return drawing.WorksheetDrawing.Elements<Xdr.OneCellAnchor>().Select(anchor =>
        {
            var from = anchor.FromMarker!;
            var blip = anchor.Descendants<A.Blip>().Single();
            var properties = anchor.Descendants<Xdr.NonVisualDrawingProperties>().Single();
            using var stream = drawing.GetPartById(blip.Embed!).GetStream();
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            return new WorkbookPicture(
                int.Parse(from.RowId!.Text, CultureInfo.InvariantCulture) + 1,
                int.Parse(from.ColumnId!.Text, CultureInfo.InvariantCulture) + 1,
                anchor.Extent!.Cx!.Value, anchor.Extent.Cy!.Value,
                bytes.ToArray(),
                properties.Id?.Value ?? 0,
                properties.Name?.Value ?? "",
                properties.Description?.Value ?? "",
                anchor.Descendants<A.PictureLocks>().SingleOrDefault()?.NoChangeAspect?.Value == true);
        }).ToArray();
    }

    public static int RowOf(Cell cell) => int.Parse(CellReference().Match(cell.CellReference!.Value!).Groups[2].Value, CultureInfo.InvariantCulture);

    public static int Column(Cell cell)
    {
        var letters = CellReference().Match(cell.CellReference!.Value!).Groups[1].Value;
        return letters.Aggregate(0, (n, c) => n * 26 + (c - 'A' + 1));
    }

    public static string Reference(int row, int column)
    {
        var letters = "";
        for (var n = column; n > 0; n = (n - 1) / 26) letters = (char)('A' + (n - 1) % 26) + letters;
        return letters + row.ToString(CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("^([A-Z]+)([0-9]+)$")]
    private static partial Regex CellReference();

    public void Dispose() => _document.Dispose();
}
