using System.Diagnostics;
using System.Globalization;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Reporting.Export.Deidentified;
using Sylvan.Data.Csv;

// Usage: ExportBaseline CSV-EXPORT-FOLDER OUT.xlsx
// Reads every sheet of a de-identified CSV export into memory, each value as the export hands it to
// MiniExcel (by the codebook's type: integer and binary columns as int, decimal as decimal, the rest as
// text; empty cells as nothing), then times MiniExcel alone writing them as one workbook, given as the
// export gives them: each sheet a SheetDataReader over its rows, written by the export's own call
// (XlsxExportWriter.Save: MiniExcel's SaveAs, the export's configuration, its column widths from the codebook's
// types and codes). Only the write is timed:
// this is the floor the export is held to.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: ExportBaseline CSV-EXPORT-FOLDER OUT.xlsx");
    return 2;
}
string[] sheets = ["patients", "operations", "imaging", "followups", "complications", "analysis", "codebook"];
var types = new Dictionary<(string Sheet, string Column), string>();
var columns = new List<ExportColumn>(Codebook.Columns);
using (var codebook = CsvDataReader.Create(Path.Combine(args[0], "codebook.csv")))
    while (codebook.Read())
    {
        string Field(string name) => codebook.GetString(codebook.GetOrdinal(name));
        types[(Field("sheet"), Field("column"))] = Field("type");
        columns.Add(new ExportColumn(Field("column"), Field("label"), Field("type"), Choice.Parse(Field("codes")), Field("unit"), Field("derivation"), Field("empty_means")));
    }

var workbook = new Dictionary<string, object>();
var readers = new List<SheetDataReader>();
var rows = 0L;
foreach (var sheet in sheets)
{
    var list = new List<object?[]>();
    using var csv = CsvDataReader.Create(Path.Combine(args[0], sheet + ".csv"));
    var names = Enumerable.Range(0, csv.FieldCount).Select(csv.GetName).ToList();
    var kinds = names.Select(n => sheet == "codebook" ? ColumnTypes.Text : types[(sheet, n)]).ToArray();
    while (csv.Read())
    {
        var row = new object?[names.Count];
        for (var i = 0; i < row.Length; i++)
        {
            var text = csv.GetString(i);
            row[i] = text.Length == 0 ? null : kinds[i] switch
            {
                ColumnTypes.Integer or ColumnTypes.Binary => int.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
                ColumnTypes.Decimal => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
                _ => text,
            };
        }
        list.Add(row);
    }
    rows += list.Count;
    var reader = new SheetDataReader(names, list);
    readers.Add(reader);
    workbook[sheet] = reader;
}
var watch = Stopwatch.StartNew();
using (var stream = new FileStream(args[1], FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16))
    XlsxExportWriter.Save(stream, workbook, columns);
watch.Stop();
foreach (var reader in readers) reader.Dispose();
Console.WriteLine($"baseline: {rows} rows held in memory, written by MiniExcel in {watch.Elapsed.TotalSeconds:F2} s, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20)} MB");
return 0;
