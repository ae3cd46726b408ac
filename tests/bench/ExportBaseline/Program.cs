using System.Diagnostics;
using System.Globalization;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using Sylvan.Data.Csv;

// Usage: ExportBaseline CSV-EXPORT-FOLDER OUT.xlsx
// Reads every sheet of a de-identified CSV export into memory (numbers as numbers, empty cells as
// nothing, as the export writes them), then times MiniExcel alone writing them as one workbook with
// the export's own configuration. Only the write is timed: this is the floor the export is held to.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: ExportBaseline CSV-EXPORT-FOLDER OUT.xlsx");
    return 2;
}
string[] sheets = ["patients", "operations", "imaging", "followups", "complications", "analysis", "codebook"];
var workbook = new Dictionary<string, object>();
var rows = 0L;
foreach (var sheet in sheets)
{
    var list = new List<Dictionary<string, object?>>();
    using var csv = CsvDataReader.Create(Path.Combine(args[0], sheet + ".csv"));
    var names = Enumerable.Range(0, csv.FieldCount).Select(csv.GetName).ToArray();
    while (csv.Read())
    {
        var row = new Dictionary<string, object?>(names.Length);
        for (var i = 0; i < names.Length; i++)
        {
            var text = csv.GetString(i);
            row[names[i]] = text.Length == 0 ? null
                : sheet != "codebook" && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) ? whole
                : sheet != "codebook" && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number
                : text;
        }
        list.Add(row);
    }
    rows += list.Count;
    workbook[sheet] = list;
}
var configuration = new OpenXmlConfiguration { FastMode = false, EnableAutoWidth = false, AutoFilter = false };
var watch = Stopwatch.StartNew();
await using (var stream = new FileStream(args[1], FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16))
    await MiniExcel.SaveAsAsync(stream, workbook, printHeader: true, excelType: ExcelType.XLSX, configuration: configuration);
watch.Stop();
Console.WriteLine($"baseline: {rows} rows held in memory, written by MiniExcel in {watch.Elapsed.TotalSeconds:F1} s, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20)} MB");
return 0;
