using System.Data;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace MvdRegistry.Reporting.Export.Deidentified;

/// <summary>
/// Writes the sheets as one xlsx workbook with MiniExcel (FastMode off), pulling each row from the
/// database as the sheet is written: no sheet is ever held in memory. Numbers are number cells, codes
/// and pseudonyms text cells; no value is a date, so no cell is date-formatted.
/// </summary>
public static class XlsxExportWriter
{
    public static async Task WriteAsync(string path, IEnumerable<ExportSheet> sheets, Action<string, int> onRow, CancellationToken ct)
    {
        var workbook = new Dictionary<string, object>();
        foreach (var sheet in sheets) workbook[sheet.Name] = sheet.Expected > 0 ? Rows(sheet, onRow, ct) : HeaderOnly(sheet);
        var configuration = new OpenXmlConfiguration
        {
            FastMode = false,
            // Widths would need every row before the first is written.
            EnableAutoWidth = false,
            AutoFilter = false,
        };
        await using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        await MiniExcel.SaveAsAsync(stream, workbook, printHeader: true, excelType: ExcelType.XLSX, configuration: configuration, cancellationToken: ct);
    }

    /// <summary>A sheet's rows as MiniExcel reads them (the header from the first row's keys).</summary>
    private static IEnumerable<IDictionary<string, object?>> Rows(ExportSheet sheet, Action<string, int> onRow, CancellationToken ct)
    {
        var count = 0;
        foreach (var row in sheet.Rows.ToBlockingEnumerable(ct))
        {
            var cells = new Dictionary<string, object?>(row.Length);
            for (var i = 0; i < row.Length; i++) cells[sheet.Columns[i].Name] = row[i];
            onRow(sheet.Name, ++count);
            yield return cells;
        }
    }

    /// <summary>An empty sheet: its column names and no row (MiniExcel takes them from a table's columns).</summary>
    private static DataTable HeaderOnly(ExportSheet sheet)
    {
        var table = new DataTable(sheet.Name);
        foreach (var column in sheet.Columns) table.Columns.Add(column.Name, typeof(string));
        return table;
    }
}
