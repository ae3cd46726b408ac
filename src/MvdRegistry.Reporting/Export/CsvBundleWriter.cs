using System.Text;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Bundle;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;
using MvdRegistry.Data;

namespace MvdRegistry.Reporting.Export;

/// <summary>
/// Writes records as the five files of the import bundle: UTF-8 without a byte-order mark, CRLF line
/// ends, RFC 4180 quoting, rows ordered by key. Each file is written to a temporary name and moved
/// into place, so a reader never sees half a file.
/// </summary>
public static class CsvBundleWriter
{
    /// <summary>The identified registry (for administrators).</summary>
    public static async Task<Dictionary<string, int>> WriteAsync(RegistryDbContext db, string directory, CancellationToken ct = default)
    {
        Directory.CreateDirectory(directory);
        return new Dictionary<string, int>
        {
            [Forms.Patient] = await WriteFormAsync(directory, Forms.Patient, db.Patients.AsNoTracking().OrderBy(r => r.PatientId).AsAsyncEnumerable(), ct),
            [Forms.Case] = await WriteFormAsync(directory, Forms.Case, db.Operations.AsNoTracking().OrderBy(r => r.CaseId).AsAsyncEnumerable(), ct),
            [Forms.Imaging] = await WriteFormAsync(directory, Forms.Imaging, db.Imaging.AsNoTracking().OrderBy(r => r.ImagingId).AsAsyncEnumerable(), ct),
            [Forms.FollowUp] = await WriteFormAsync(directory, Forms.FollowUp, db.FollowUps.AsNoTracking().OrderBy(r => r.FollowupId).AsAsyncEnumerable(), ct),
            [Forms.Complication] = await WriteFormAsync(directory, Forms.Complication, db.Complications.AsNoTracking().OrderBy(r => r.ComplicationId).AsAsyncEnumerable(), ct),
        };
    }

    /// <summary>Records held in memory, such as generated demo data.</summary>
    public static async Task WriteAsync(RegistryData data, string directory, CancellationToken ct = default)
    {
        Directory.CreateDirectory(directory);
        await WriteFormAsync(directory, Forms.Patient, data.Patients.OrderBy(r => r.PatientId, StringComparer.Ordinal).ToAsyncEnumerable(), ct);
        await WriteFormAsync(directory, Forms.Case, data.Operations.OrderBy(r => r.CaseId, StringComparer.Ordinal).ToAsyncEnumerable(), ct);
        await WriteFormAsync(directory, Forms.Imaging, data.Imaging.OrderBy(r => r.ImagingId, StringComparer.Ordinal).ToAsyncEnumerable(), ct);
        await WriteFormAsync(directory, Forms.FollowUp, data.FollowUps.OrderBy(r => r.FollowupId, StringComparer.Ordinal).ToAsyncEnumerable(), ct);
        await WriteFormAsync(directory, Forms.Complication, data.Complications.OrderBy(r => r.ComplicationId, StringComparer.Ordinal).ToAsyncEnumerable(), ct);
    }

    private static async Task<int> WriteFormAsync<T>(string directory, string form, IAsyncEnumerable<T> rows, CancellationToken ct) where T : RegistryRecord
    {
        var path = Path.Combine(directory, Forms.FileName(form));
        var temp = path + ".tmp";
        var columns = DataDictionary.Instance.Columns(form);
        var count = 0;
        await using (var writer = new StreamWriter(temp, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\r\n" })
        {
            await writer.WriteLineAsync(string.Join(',', columns.Select(Quote)));
            await foreach (var record in rows.WithCancellation(ct))
            {
                var values = RecordCodec.Write(record);
                await writer.WriteLineAsync(string.Join(',', columns.Select(c => Quote(values[c]))));
                count++;
            }
        }
        File.Move(temp, path, overwrite: true);
        return count;
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
