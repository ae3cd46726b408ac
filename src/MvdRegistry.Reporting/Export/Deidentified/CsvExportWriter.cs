using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace MvdRegistry.Reporting.Export.Deidentified;

/// <summary>
/// Writes the sheets as CSV files (UTF-8 without a byte-order mark, CRLF, RFC 4180 quoting, a point for
/// decimals), a row at a time, into a folder or into a zip archive, plus the scripts.
/// </summary>
public static class CsvExportWriter
{
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>Writes into <paramref name="directory"/> (which must not exist yet: the caller moves it into place).</summary>
    public static Task WriteFolderAsync(string directory, IEnumerable<ExportSheet> sheets, IReadOnlyDictionary<string, string> scripts,
        Action<string, int> onRow, CancellationToken ct) => OnOwnThread(() =>
    {
        Directory.CreateDirectory(directory);
        foreach (var sheet in sheets)
        {
            using var stream = new FileStream(Path.Combine(directory, sheet.Name + ".csv"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            WriteSheet(stream, sheet, onRow);
        }
        foreach (var (name, text) in scripts) File.WriteAllText(Path.Combine(directory, name), text, Utf8);
    }, ct);

    /// <summary>Writes a zip archive to <paramref name="path"/>, each entry streamed (never a whole file in memory).</summary>
    public static Task WriteZipAsync(string path, IEnumerable<ExportSheet> sheets, IReadOnlyDictionary<string, string> scripts,
        Action<string, int> onRow, CancellationToken ct) => OnOwnThread(() =>
    {
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        foreach (var sheet in sheets)
        {
            using var entry = zip.CreateEntry(sheet.Name + ".csv", CompressionLevel.Optimal).Open();
            WriteSheet(entry, sheet, onRow);
        }
        foreach (var (name, text) in scripts)
        {
            using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
            entry.Write(Utf8.GetBytes(text));
        }
    }, ct);

    /// <summary>
    /// The writing, synchronous, on a thread of its own while <see cref="RowPump"/>'s reads the rows (see there):
    /// no thread-pool hop per line or per buffer.
    /// </summary>
    private static Task OnOwnThread(Action write, CancellationToken ct) =>
        Task.Factory.StartNew(write, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static void WriteSheet(Stream stream, ExportSheet sheet, Action<string, int> onRow)
    {
        using var writer = new StreamWriter(stream, Utf8, 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        writer.WriteLine(string.Join(',', sheet.Columns.Select(c => Quote(c.Name))));
        var count = 0;
        var line = new StringBuilder();
        foreach (var row in sheet.Rows)
        {
            line.Clear();
            for (var i = 0; i < row.Length; i++)
            {
                if (i > 0) line.Append(',');
                line.Append(Quote(Format(row[i])));
            }
            writer.WriteLine(line);
            onRow(sheet.Name, ++count);
        }
    }

    public static string Format(object? value) => value switch
    {
        null => "",
        string s => s,
        int i => i.ToString(CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.############################", CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"a de-identified export holds text and numbers only, not {value.GetType().Name}"),
    };

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
