using System.Text;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;
using MvdRegistry.Data;

namespace MvdRegistry.Reporting.Export;

/// <summary>
/// Writes the identified registry as the five files of the import bundle (for administrators):
/// UTF-8 without a byte-order mark, CRLF line ends, RFC 4180 quoting, rows ordered by key.
/// </summary>
public sealed class CsvBundleWriter(RegistryDbContext db)
{
    public async Task<Dictionary<string, int>> WriteAsync(string directory, CancellationToken ct = default)
    {
        Directory.CreateDirectory(directory);
        return new Dictionary<string, int>
        {
            [Forms.Patient] = await WriteFormAsync(directory, Forms.Patient, db.Patients.AsNoTracking().OrderBy(r => r.PatientId), ct),
            [Forms.Case] = await WriteFormAsync(directory, Forms.Case, db.Operations.AsNoTracking().OrderBy(r => r.CaseId), ct),
            [Forms.Imaging] = await WriteFormAsync(directory, Forms.Imaging, db.Imaging.AsNoTracking().OrderBy(r => r.ImagingId), ct),
            [Forms.FollowUp] = await WriteFormAsync(directory, Forms.FollowUp, db.FollowUps.AsNoTracking().OrderBy(r => r.FollowupId), ct),
            [Forms.Complication] = await WriteFormAsync(directory, Forms.Complication, db.Complications.AsNoTracking().OrderBy(r => r.ComplicationId), ct),
        };
    }

    private static async Task<int> WriteFormAsync<T>(string directory, string form, IQueryable<T> rows, CancellationToken ct) where T : RegistryRecord
    {
        var path = Path.Combine(directory, Forms.FileName(form));
        var temp = path + ".tmp";
        var columns = DataDictionary.Instance.Columns(form);
        var count = 0;
        await using (var writer = new StreamWriter(temp, false, new UTF8Encoding(false)) { NewLine = "\r\n" })
        {
            await writer.WriteLineAsync(string.Join(',', columns.Select(Quote)));
            await foreach (var record in rows.AsAsyncEnumerable().WithCancellation(ct))
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
