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
    public static async Task WriteFolderAsync(string directory, IEnumerable<ExportSheet> sheets, IReadOnlyDictionary<string, string> scripts,
        Action<string, int> onRow, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        foreach (var sheet in sheets)
        {
            await using var stream = new FileStream(Path.Combine(directory, sheet.Name + ".csv"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            await WriteSheetAsync(stream, sheet, onRow, ct);
        }
        foreach (var (name, text) in scripts) await File.WriteAllTextAsync(Path.Combine(directory, name), text, Utf8, ct);
    }

    /// <summary>Writes a zip archive to <paramref name="path"/>, each entry streamed (never a whole file in memory).</summary>
    public static async Task WriteZipAsync(string path, IEnumerable<ExportSheet> sheets, IReadOnlyDictionary<string, string> scripts,
        Action<string, int> onRow, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, useAsync: true);
        await using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        foreach (var sheet in sheets)
        {
            await using var entry = await zip.CreateEntry(sheet.Name + ".csv", CompressionLevel.Optimal).OpenAsync(ct);
            await WriteSheetAsync(entry, sheet, onRow, ct);
        }
        foreach (var (name, text) in scripts)
        {
            await using var entry = await zip.CreateEntry(name, CompressionLevel.Optimal).OpenAsync(ct);
            await entry.WriteAsync(Utf8.GetBytes(text), ct);
        }
    }

    private static async Task WriteSheetAsync(Stream stream, ExportSheet sheet, Action<string, int> onRow, CancellationToken ct)
    {
        await using var writer = new StreamWriter(stream, Utf8, 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(string.Join(',', sheet.Columns.Select(c => Quote(c.Name))));
        var count = 0;
        var line = new StringBuilder();
        await foreach (var row in sheet.Rows.WithCancellation(ct))
        {
            line.Clear();
            for (var i = 0; i < row.Length; i++)
            {
                if (i > 0) line.Append(',');
                line.Append(Quote(Format(row[i])));
            }
            await writer.WriteLineAsync(line, ct);
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
