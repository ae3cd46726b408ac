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
    /// The most data rows a sheet holds: Excel's 1,048,576 rows, less the header. A sheet with more continues on
    /// <c>name_2</c>, <c>name_3</c> … (<see cref="PartName"/>), each with the same header row.
    /// </summary>
    public const int MaxRowsPerSheet = 1_048_575;

    /// <summary>The name of a sheet's <paramref name="part"/>-th part (from 1): the sheet's own name, then <c>name_2</c> ….</summary>
    public static string PartName(string sheet, int part) => part == 1 ? sheet : $"{sheet}_{part}";

    /// <summary>
    /// MiniExcel's synchronous write of the workbook, the same in the benchmark's baseline. Synchronous on purpose: the
    /// asynchronous SaveAsAsync went through an awaited step per cell and handed each buffer of the file to the thread
    /// pool, which the reading task needs (the writer is the slower side of the export).
    /// </summary>
    /// <param name="workbook">Sheet name → its rows (a data reader), enumerated once, in order, each sheet written as it comes.</param>
    /// <param name="columns">Every sheet's columns, for their widths.</param>
    public static void Save(Stream stream, IDictionary<string, object> workbook, IEnumerable<ExportColumn> columns) =>
        MiniExcel.SaveAs(stream, workbook, printHeader: true, excelType: ExcelType.XLSX, configuration: Configuration(columns));

    /// <summary>
    /// Writes the workbook on a thread of its own (<see cref="Save"/> blocks it); each sheet's rows are awaited there, so a
    /// cancellation of <paramref name="ct"/> ends the write at the next row it waits for. A sheet of more than
    /// <paramref name="rowsPerSheet"/> rows continues on the sheets after it (<see cref="PartName"/>); <paramref name="onRow"/>
    /// counts a sheet's rows across its parts.
    /// </summary>
    /// <returns>How many sheets of the workbook each sheet's rows took, by sheet name (1 for all but the longest registries).</returns>
    public static async Task<IReadOnlyDictionary<string, int>> WriteAsync(string path, IEnumerable<ExportSheet> sheets, Action<string, int> onRow, CancellationToken ct,
        int rowsPerSheet = MaxRowsPerSheet)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rowsPerSheet);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rowsPerSheet, MaxRowsPerSheet);
        var parts = new Dictionary<string, int>();
        var workbook = new StreamedWorkbook(Sheets(sheets, rowsPerSheet, parts, onRow, ct));
        await Task.Factory.StartNew(() =>
        {
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
            Save(stream, workbook, sheets.SelectMany(sheet => sheet.Columns));
        }, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return parts;
    }

    /// <summary>The workbook's sheets as MiniExcel asks for them: each sheet's rows in parts of at most <paramref name="rowsPerSheet"/>.</summary>
    private static IEnumerable<KeyValuePair<string, object>> Sheets(IEnumerable<ExportSheet> sheets, int rowsPerSheet, Dictionary<string, int> parts,
        Action<string, int> onRow, CancellationToken ct)
    {
        foreach (var sheet in sheets)
        {
            var names = sheet.Columns.Select(c => c.Name).ToList();
            using var rows = sheet.Rows.ToBlockingEnumerable(ct).GetEnumerator();
            var (part, before) = (0, 0);
            foreach (var partRows in Parts(rows, rowsPerSheet))
            {
                parts[sheet.Name] = ++part;
                var start = before;
                using var reader = new SheetDataReader(names, partRows) { OnRow = count => onRow(sheet.Name, start + count) };
                yield return new(PartName(sheet.Name, part), reader);
                before += reader.Rows;
            }
        }
    }

    /// <summary>
    /// <paramref name="rows"/> in consecutive parts of at most <paramref name="size"/>, each read to its end before the next is
    /// asked for; at least one part, empty when there are no rows. A row is taken from <paramref name="rows"/> only when the
    /// part's reader asks for one (after a full part, to know whether another follows).
    /// </summary>
    private static IEnumerable<IEnumerable<object?[]>> Parts(IEnumerator<object?[]> rows, int size)
    {
        var more = rows.MoveNext();
        IEnumerable<object?[]> Part()
        {
            for (var n = 0; more && n < size; n++)
            {
                yield return rows.Current;
                more = rows.MoveNext();
            }
        }
        do yield return Part();
        while (more);
    }

    /// <summary>
    /// The sheets as the dictionary MiniExcel writes a workbook from. MiniExcel only enumerates it, once, writing each sheet
    /// as it comes (its <c>ExcelOpenXmlSheetWriter.GetSheets</c>, 1.46.0), so a sheet's next part is made only once its
    /// first is written; nothing else of a dictionary is served.
    /// </summary>
    private sealed class StreamedWorkbook(IEnumerable<KeyValuePair<string, object>> sheets) : IDictionary<string, object>
    {
        public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => sheets.GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public object this[string key] { get => throw Streamed(); set => throw Streamed(); }
        public ICollection<string> Keys => throw Streamed();
        public ICollection<object> Values => throw Streamed();
        public int Count => throw Streamed();
        public bool IsReadOnly => true;
        public void Add(string key, object value) => throw Streamed();
        public void Add(KeyValuePair<string, object> item) => throw Streamed();
        public void Clear() => throw Streamed();
        public bool Contains(KeyValuePair<string, object> item) => throw Streamed();
        public bool ContainsKey(string key) => throw Streamed();
        public void CopyTo(KeyValuePair<string, object>[] array, int arrayIndex) => throw Streamed();
        public bool Remove(string key) => throw Streamed();
        public bool Remove(KeyValuePair<string, object> item) => throw Streamed();
        public bool TryGetValue(string key, out object value) => throw Streamed();

        private static NotSupportedException Streamed() => new("the workbook's sheets are streamed: they can only be enumerated, once");
    }
}
