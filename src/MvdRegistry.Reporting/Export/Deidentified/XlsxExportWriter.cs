using MiniExcelLibs;
using MiniExcelLibs.Attributes;
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
    /// MiniExcel's options for the workbook (<see cref="Save"/>'s): FastMode off (the rule), no automatic
    /// widths (they would need every row before the first is written), no autofilter, the header row frozen (MiniExcel's
    /// default), and each column as wide as <see cref="WidthOf"/> says, so that a pseudonym, a code or a header is read whole
    /// in Excel. MiniExcel matches a width to a column by its name in every sheet (ignoring case), so a name on several
    /// sheets gets the widest.
    /// </summary>
    private static OpenXmlConfiguration Configuration(IEnumerable<ExportColumn> columns) => new()
    {
        FastMode = false,
        EnableAutoWidth = false,
        AutoFilter = false,
        DynamicColumns = columns
            .GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .Select(g => new DynamicExcelColumn(g.Key) { Width = g.Max(WidthOf) })
            .ToArray(),
    };

    /// <summary>
    /// A column's width in characters, known before its first row from what the codebook says it holds: the header, or
    /// a pseudonym, the longest code, a number (6 characters for an integer, 8 for a decimal), or
    /// <see cref="ExportColumn.Width"/> (text), whichever is wider; two characters of margin, 60 at most.
    /// </summary>
    public static double WidthOf(ExportColumn column)
    {
        var content = column.Width ?? column.Type switch
        {
            ColumnTypes.Pseudonym => Pseudonyms.Length,
            ColumnTypes.Code or ColumnTypes.Binary => column.Codes.Select(c => c.Code.Length).DefaultIfEmpty(1).Max(),
            ColumnTypes.Integer => 6,
            ColumnTypes.Decimal => 8,
            _ => 12,
        };
        return Math.Min(Math.Max(content, column.Name.Length) + 2, 60);
    }

    /// <summary>
    /// MiniExcel's synchronous write of the workbook, the same in the benchmark's baseline. Synchronous on purpose: the
    /// asynchronous SaveAsAsync went through an awaited step per cell and handed each buffer of the file to the thread
    /// pool, which the reading task needs (the writer is the slower side of the export).
    /// </summary>
    /// <param name="columns">Every sheet's columns, for their widths.</param>
    public static void Save(Stream stream, Dictionary<string, object> workbook, IEnumerable<ExportColumn> columns) =>
        MiniExcel.SaveAs(stream, workbook, printHeader: true, excelType: ExcelType.XLSX, configuration: Configuration(columns));

    /// <summary>
    /// Writes the workbook on a thread of its own (<see cref="Save"/> blocks it); each sheet's rows are awaited there, so a
    /// cancellation of <paramref name="ct"/> ends the write at the next row it waits for.
    /// </summary>
    public static async Task WriteAsync(string path, IEnumerable<ExportSheet> sheets, Action<string, int> onRow, CancellationToken ct)
    {
        var readers = sheets.Select(sheet => new SheetDataReader(sheet.Columns.Select(c => c.Name).ToList(), sheet.Rows.ToBlockingEnumerable(ct))
        {
            OnRow = count => onRow(sheet.Name, count),
        }).ToList();
        var workbook = new Dictionary<string, object>();
        var i = 0;
        foreach (var sheet in sheets) workbook[sheet.Name] = readers[i++];
        try
        {
            await Task.Factory.StartNew(() =>
            {
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
                Save(stream, workbook, sheets.SelectMany(sheet => sheet.Columns));
            }, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        finally
        {
            foreach (var reader in readers) reader.Dispose();
        }
    }
}
