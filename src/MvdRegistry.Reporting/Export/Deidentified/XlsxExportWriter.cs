using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace MvdRegistry.Reporting.Export.Deidentified;

/// <summary>
/// Writes the sheets as one xlsx workbook with MiniExcel (FastMode off), each sheet given as a
/// <see cref="SheetDataReader"/> over its rows as they arrive from the database: no sheet is ever held in memory. Numbers are number cells, codes
/// and pseudonyms text cells; no value is a date, so no cell is date-formatted.
/// </summary>
public static class XlsxExportWriter
{
    /// <summary>
    /// MiniExcel's options for the workbook, the same in the benchmark's baseline (tests/bench/ExportBaseline):
    /// FastMode off (the rule), no automatic widths (they would need every row before the first is
    /// written), no autofilter.
    /// </summary>
    public static OpenXmlConfiguration Configuration() => new()
    {
        FastMode = false,
        EnableAutoWidth = false,
        AutoFilter = false,
    };

    /// <summary>
    /// Writes on a thread of its own with MiniExcel's synchronous writer: its asynchronous one awaits every
    /// cell and hands each 64 KB of the file to a thread-pool worker, which cost the writer a third more CPU.
    /// </summary>
    public static Task WriteAsync(string path, IReadOnlyList<ExportSheet> sheets, Action<string, int> onRow, CancellationToken ct) =>
        Task.Factory.StartNew(() => Write(path, sheets, onRow), ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static void Write(string path, IReadOnlyList<ExportSheet> sheets, Action<string, int> onRow)
    {
        var readers = sheets.Select(sheet => new SheetDataReader(sheet.Columns.Select(c => c.Name).ToList(), sheet.Rows)
        {
            OnRow = count => onRow(sheet.Name, count),
        }).ToList();
        var workbook = new Dictionary<string, object>();
        for (var i = 0; i < sheets.Count; i++) workbook[sheets[i].Name] = readers[i];
        try
        {
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
            MiniExcel.SaveAs(stream, workbook, printHeader: true, excelType: ExcelType.XLSX, configuration: Configuration());
        }
        finally
        {
            foreach (var reader in readers) reader.Dispose();
        }
    }
}
