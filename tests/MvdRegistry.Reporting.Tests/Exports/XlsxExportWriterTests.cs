using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;
using MiniExcelLibs;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Reporting.Export.Deidentified;
using static MvdRegistry.Reporting.Tests.Exports.TestSheets;

namespace MvdRegistry.Reporting.Tests.Exports;

/// <summary>The workbook as MiniExcel writes it from the sheets' data readers, read back by MiniExcel's reader.</summary>
public sealed class XlsxExportWriterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mvd-xlsx-writer-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Every_sheet_has_its_header_row_numbers_as_numbers_and_empty_cells_empty_even_without_rows()
    {
        var path = Path.Combine(_folder, "w.xlsx");
        var written = new Dictionary<string, int>();
        ExportSheet[] sheets =
        [
            new("full", [Column("id"), Column("n"), Column("x")], Rows(["P-a", 3, 1.5m], ["P-b", null, null]), 2),
            new("empty", [Column("id"), Column("day")], Rows(), 0),
        ];

        await XlsxExportWriter.WriteAsync(path, sheets, (sheet, count) => written[sheet] = count, CancellationToken.None);

        Assert.Equal(new[] { "full", "empty" }, MiniExcel.GetSheetNames(path));
        var full = MiniExcel.Query(path, sheetName: "full").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(new object?[] { "id", "n", "x" }, full[0].Values.ToArray());
        Assert.Equal(new object?[] { "P-a", 3d, 1.5d }, full[1].Values.ToArray());
        Assert.Equal(new object?[] { "P-b", null, null }, full[2].Values.ToArray());
        Assert.Equal(3, full.Count);
        var empty = MiniExcel.Query(path, sheetName: "empty").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(new object?[] { "id", "day" }, Assert.Single(empty).Values.ToArray());
        Assert.Equal(2, written["full"]);
        Assert.False(written.ContainsKey("empty"));
    }

    private static object?[][] Numbered(string prefix, int count) => Enumerable.Range(1, count).Select(i => new object?[] { $"{prefix}{i}", i }).ToArray();

    private static List<object?[]> SheetRows(string path, string sheet) =>
        MiniExcel.Query(path, sheetName: sheet).Cast<IDictionary<string, object?>>().Select(r => r.Values.ToArray()).ToList();

    [Fact]
    public async Task A_sheet_over_the_row_limit_continues_on_the_sheets_after_it_each_with_its_header_and_its_rows_in_order()
    {
        var path = Path.Combine(_folder, "parts.xlsx");
        var written = new Dictionary<string, int>();
        var columns = new[] { Column("id"), Column("n") };
        ExportSheet[] sheets =
        [
            new("none", columns, Rows(), 0),
            new("three", columns, Rows(Numbered("t", 3)), 3),
            new("four", columns, Rows(Numbered("f", 4)), 4),
            new("seven", columns, Rows(Numbered("s", 7)), 7),
        ];

        var parts = await XlsxExportWriter.WriteAsync(path, sheets, (sheet, count) => written[sheet] = count, CancellationToken.None, rowsPerSheet: 3);

        Assert.Equal(new[] { "none", "three", "four", "four_2", "seven", "seven_2", "seven_3" }, MiniExcel.GetSheetNames(path));
        Assert.Equal(new Dictionary<string, int> { ["none"] = 1, ["three"] = 1, ["four"] = 2, ["seven"] = 3 }, parts);
        object?[] header = ["id", "n"];
        Assert.Equal([header], SheetRows(path, "none"));
        Assert.Equal([header, ["t1", 1d], ["t2", 2d], ["t3", 3d]], SheetRows(path, "three"));
        Assert.Equal([header, ["f1", 1d], ["f2", 2d], ["f3", 3d]], SheetRows(path, "four"));
        Assert.Equal([header, ["f4", 4d]], SheetRows(path, "four_2"));
        Assert.Equal([header, ["s4", 4d], ["s5", 5d], ["s6", 6d]], SheetRows(path, "seven_2"));
        Assert.Equal([header, ["s7", 7d]], SheetRows(path, "seven_3"));
        // The rows written count a sheet's rows across its parts.
        Assert.Equal(new Dictionary<string, int> { ["three"] = 3, ["four"] = 4, ["seven"] = 7 }, written);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(XlsxExportWriter.MaxRowsPerSheet + 1)]
    public async Task A_sheet_holds_at_least_one_row_and_at_most_Excel_s_1048575(int rowsPerSheet)
    {
        var path = Path.Combine(_folder, "none.xlsx");
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            XlsxExportWriter.WriteAsync(path, [new("s", [Column("id")], Rows(["a"]), 1)], (_, _) => { }, CancellationToken.None, rowsPerSheet));
        Assert.False(File.Exists(path));
    }

    private static ExportColumn Typed(string name, string type, params string[] codes) =>
        new(name, name, type, codes.Select(c => new Choice(c, c + " label")).ToList(), "", "test", "nothing");

    /// <summary>The widths of a sheet's columns in its XML (the n-th sheet's part), in order.</summary>
    private static List<double> Widths(string path, int sheet)
    {
        using var zip = ZipFile.OpenRead(path);
        using var part = zip.GetEntry($"xl/worksheets/sheet{sheet}.xml")!.Open();
        XNamespace x = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        return XDocument.Load(part).Descendants(x + "col")
            .OrderBy(c => (int)c.Attribute("min")!)
            .Select(c => double.Parse(c.Attribute("width")!.Value, CultureInfo.InvariantCulture))
            .ToList();
    }

    [Fact]
    public async Task Each_column_is_as_wide_as_its_header_or_what_the_codebook_says_it_holds_before_any_row_is_read()
    {
        var path = Path.Combine(_folder, "widths.xlsx");
        ExportSheet[] sheets =
        [
            new("first", [
                Typed("case_id", ColumnTypes.Pseudonym),                                  // a pseudonym, 18 characters
                Typed("indication", ColumnTypes.Code, "HFS", "TN", "GPN"),                // the header, 10
                Typed("approach", ColumnTypes.Code, "rs_lateral", "rs_supracerebellar"),  // the longest code, 18
                Typed("n", ColumnTypes.Integer),                                          // 6
                Typed("bmi", ColumnTypes.Decimal),                                        // 8
                Typed("redo", ColumnTypes.Binary, "1", "0"),                              // the header, 4
                Typed("notes", ColumnTypes.Text),                                         // a short text, 12
                Typed("label", ColumnTypes.Text) with { Width = 50 },                     // the column's own width
                Typed(new string('x', 70), ColumnTypes.Text),                             // at most 60
                Typed("Shared", ColumnTypes.Text),                                        // as wide as on the other sheet
            ], Rows(["C-a", "HFS", "rs_lateral", 1, 2.5m, 1, "t", "l", "x", "s"]), 1),
            new("second", [Typed("shared", ColumnTypes.Pseudonym)], Rows(), 0),
        ];

        await XlsxExportWriter.WriteAsync(path, sheets, (_, _) => { }, CancellationToken.None);

        // Two characters of margin on each; MiniExcel adds Excel's own padding (5/7 of a character) to every width.
        Assert.Equal(new[] { 20, 12, 20, 8, 10, 6, 14, 52, 60, 20 }, Widths(path, 1).Select(w => (int)Math.Round(w - 5.0 / 7)));
        Assert.Equal(new[] { 20 }, Widths(path, 2).Select(w => (int)Math.Round(w - 5.0 / 7)));
    }

    /// <summary>Rows that never end: one, then a wait for the next that only a cancellation ends.</summary>
    private static async IAsyncEnumerable<object?[]> Endless([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        yield return ["P-a"];
        await Task.Delay(Timeout.Infinite, ct);
        yield return ["P-b"];
    }

    [Fact]
    public async Task A_cancellation_while_the_writer_waits_for_rows_ends_the_write()
    {
        var path = Path.Combine(_folder, "cancelled.xlsx");
        using var cancel = new CancellationTokenSource();
        var rows = 0;
        ExportSheet[] sheets = [new("full", [Column("id")], Endless(), 2)];

        var writing = XlsxExportWriter.WriteAsync(path, sheets, (_, count) => { rows = count; cancel.Cancel(); }, cancel.Token);

        var finished = await Task.WhenAny(writing, Task.Delay(TimeSpan.FromSeconds(30)));
        Assert.Same(writing, finished);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writing);
        Assert.Equal(1, rows);
    }
}
