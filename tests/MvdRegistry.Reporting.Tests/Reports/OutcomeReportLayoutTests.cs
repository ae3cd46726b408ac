using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using SkiaSharp;

namespace MvdRegistry.Reporting.Tests.Reports;

/// <summary>How the workbook looks and works: its sheets, formats, frozen headers, widths and pictures, read back from the file.</summary>
[Collection(ReportFilesCollection.Name)]
public sealed class OutcomeReportLayoutTests(ReportFilesFixture files) : IDisposable
{
    private static readonly string[] Sheets =
        ["Cover", "Summary", "Complications", "Benefit-risk", "Predictors", "Survival", "Surgeons and sites", "Completeness", "Definitions"];

    private static readonly string[] ErrorValues = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"];

    private readonly WorkbookFile _file = new(files.Whole);

    [Fact]
    public void Every_sheet_is_there_in_order()
    {
        Assert.Equal(Sheets, _file.SheetNames);
    }

    [Fact]
    public void No_cell_holds_a_formula_an_error_or_a_number_that_is_not_finite()
    {
        foreach (var sheet in Sheets)
        {
            var cells = _file.Cells(sheet).ToArray();
            Assert.NotEmpty(cells);
            Assert.Empty(cells.Where(c => c.CellFormula is not null).Select(c => $"{sheet}!{c.CellReference}"));
            Assert.Empty(cells.Where(c => c.DataType?.Value == CellValues.Error).Select(c => $"{sheet}!{c.CellReference}"));
            foreach (var cell in cells)
            {
                switch (_file.Value(cell))
                {
                    case string text: Assert.DoesNotContain(text, ErrorValues); break;
                    case double number: Assert.True(double.IsFinite(number), $"{sheet}!{cell.CellReference} = {number}"); break;
                }
            }
        }
    }

    [Fact]
    public void Every_number_under_a_percentage_or_interval_header_carries_a_percent_format()
    {
        string[] percentHeaders = ["%", "95% CI from", "to", "Rate", "Survival", "95% limits from", "99.8% limits from", "Target"];
        var checkedCells = 0;
        foreach (var sheet in Sheets.Where(s => s != "Predictors"))
        {
            var cells = _file.Cells(sheet).ToArray();
            // Header cells: bold text on the header fill, as ReportSheet writes them; the numbers below them until the next header or gap.
            foreach (var header in cells.Where(c => _file.Value(c) is string text && percentHeaders.Contains(text)))
            {
                var column = WorkbookFile.Column(header);
                for (var row = WorkbookFile.RowOf(header) + 1; _file.Cell(sheet, row, column) is { } cell && _file.Value(cell) is double; row++)
                {
                    Assert.Contains("%", _file.Format(cell));
                    checkedCells++;
                }
            }
        }
        Assert.True(checkedCells > 500, $"only {checkedCells} percentage cells found");
        Assert.Equal("0.0%", _file.Format("Summary", _file.Row("Summary", 2, "Success at 1 year"), 5));
    }

    [Fact]
    public void Counts_and_p_values_carry_number_formats_of_their_own()
    {
        Assert.Equal("#,##0", _file.Format("Summary", _file.Row("Summary", 2, "Success at 1 year"), 3));
        Assert.Equal("[<0.001]\"<0.001\";0.000", _file.Format("Predictors", _file.Row("Predictors", 1, "LSR disappeared"), 5));
        Assert.Equal("yyyy-mm-dd hh:mm", _file.Format("Cover", _file.Row("Cover", 1, "Generated at"), 2));
    }

    [Fact]
    public void The_header_rows_of_every_table_sheet_are_frozen()
    {
        Assert.Equal(0, _file.FrozenRows("Cover"));
        foreach (var sheet in Sheets.Skip(1)) Assert.True(_file.FrozenRows(sheet) == 4, $"{sheet}: {_file.FrozenRows(sheet)} frozen rows");
        foreach (var sheet in Sheets.Skip(1)) Assert.False(string.IsNullOrEmpty(_file.Text(sheet, 4, 1)), $"{sheet}: no header in A4");
    }

    [Fact]
    public void The_header_rows_are_printed_on_every_page_as_absolute_rows()
    {
        var titles = _file.DefinedNames().Where(n => n.Name == "_xlnm.Print_Titles").ToArray();

        Assert.Equal(Sheets.Skip(1), titles.Select(t => t.Sheet));
        Assert.All(titles, t => Assert.Matches(@"^('[^']+'|[A-Za-z]+)!\$3:\$4$", t.Value));
    }

    [Fact]
    public void Column_widths_are_set_from_the_content()
    {
        // The longest measure, in the default font's characters: its column is at least as wide, and wider than a number's column.
        var measure = _file.Width("Summary", 2);
        Assert.NotNull(measure);
        Assert.InRange(measure!.Value, "Delayed resolution (not immediate, resolved later)".Length, 60);
        Assert.InRange(_file.Width("Summary", 3)!.Value, 4, 12);
        foreach (var sheet in Sheets)
        {
            var used = _file.Cells(sheet).Where(c => WorkbookFile.RowOf(c) >= 4 && _file.Value(c) is not null).Select(WorkbookFile.Column).Distinct();
            foreach (var column in used) Assert.True(_file.Width(sheet, column) is > 0, $"{sheet}: column {column} keeps the default width");
        }
    }

    [Theory]
    [InlineData("Survival", 3)]
    [InlineData("Surgeons and sites", 2)]
    [InlineData("Predictors", 1)]
    public void Charts_are_valid_pngs_anchored_beside_the_tables(string sheet, int count)
    {
        var pictures = _file.Pictures(sheet);

        Assert.Equal(count, pictures.Count);
        foreach (var picture in pictures)
        {
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, picture.Bytes[..8]);
            using var bitmap = SKBitmap.Decode(picture.Bytes);
            Assert.NotNull(bitmap);
            Assert.Equal((picture.Cx, picture.Cy), (bitmap.Width * 9525L, bitmap.Height * 9525L));
            Assert.InRange(bitmap.Width, 400, 1200);
            Assert.False(string.IsNullOrWhiteSpace(picture.Description));
            Assert.False(string.IsNullOrWhiteSpace(picture.Name));
            Assert.True(picture.KeepsAspect, $"{sheet}: {picture.Name} stretches when resized");
            Assert.True(picture.Column > 8, $"{sheet}: a picture at column {picture.Column} would cover the table");
        }
        Assert.Equal(pictures.Count, pictures.Select(p => p.Row).Distinct().Count());
    }

    [Fact]
    public void Every_picture_of_the_workbook_has_its_own_drawing_id()
    {
        var ids = _file.SheetNames.SelectMany(_file.Pictures).Select(p => p.Id).ToArray();

        Assert.Equal(6, ids.Length);
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.All(ids, id => Assert.True(id > 0));
    }

    [Fact]
    public void The_workbook_is_valid_office_open_xml_pictures_included()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(files.Whole), isEditable: false);

        var errors = new OpenXmlValidator(FileFormatVersions.Office2010).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToArray();

        Assert.True(errors.Length == 0, string.Join("\n", errors.Take(10)));
    }

    [Fact]
    public void Sheets_without_charts_hold_no_picture()
    {
        foreach (var sheet in new[] { "Cover", "Summary", "Complications", "Benefit-risk", "Completeness", "Definitions" })
            Assert.Empty(_file.Pictures(sheet));
    }

    public void Dispose() => _file.Dispose();
}
