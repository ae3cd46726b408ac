using System.IO.Compression;
using System.Text.Json;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;
using MvdRegistry.Reporting.Export.Deidentified;

namespace MvdRegistry.Reporting.Export;

/// <summary>
/// Every export of the registry, from the command line and from the export job alike: refuses the
/// identified bundle to anyone but an administrator (and an xlsx or a filter for it), runs the export,
/// and writes its audit row (entity <c>export</c>, keyed by the SHA-256 of what was written): who,
/// when, kind, format, filters, rows per sheet, SHA-256, the file's name and the job run. A file whose
/// audit row could not be written is removed: no export leaves the registry unrecorded.
/// </summary>
public sealed class AuditedExport(RegistryDbContext db, string secret, TimeProvider clock)
{
    public const string AuditEntity = "export";

    /// <summary>Why the order may not run whatever its output and filter; empty when it may.</summary>
    public static IReadOnlyList<string> RefusalsOf(ExportKind kind, ExportFormat format, ExportFilter filter, ExportRequester requester)
    {
        if (kind != ExportKind.Identified) return [];
        var problems = new List<string>();
        if (!requester.IsAdministrator) problems.Add("the identified bundle (the five import files, with MRNs and dates) is for registry administrators only");
        if (format == ExportFormat.Xlsx) problems.Add("the identified bundle is written as CSV files only, not as xlsx");
        if (!filter.KeepsAll) problems.Add("the identified bundle is the whole registry: the filters (indication, sites, years) are for the de-identified export");
        return problems;
    }

    /// <exception cref="ExportRefusedException">The order is refused; nothing was written.</exception>
    public async Task<DeidentifiedExportResult> RunAsync(ExportOrder order, IProgress<(int Percent, string Text)>? progress = null, CancellationToken ct = default)
    {
        var refusals = RefusalsOf(order.Kind, order.Format, order.Filter, order.Requester);
        if (refusals.Count > 0) throw new ExportRefusedException(refusals);
        var result = order.Kind == ExportKind.Identified
            ? await IdentifiedAsync(order, progress, ct)
            : await new DeidentifiedExport(db, secret).RunAsync(new DeidentifiedExportRequest(order.Format, order.Output, order.Filter), progress, ct);
        try
        {
            db.AuditLog.Add(AuditRow(order, result));
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch
        {
            foreach (var file in result.Files) File.Delete(file.Path);
            throw;
        }
        return result;
    }

    private AuditEntry AuditRow(ExportOrder order, DeidentifiedExportResult result) => new()
    {
        At = clock.GetUtcNow().UtcDateTime,
        User = order.Requester.AuditName,
        Entity = AuditEntity,
        Key = result.Sha256,
        Action = AuditAction.Insert,
        NewValue = JsonSerializer.Serialize(new ExportAuditValue(
            ExportOrder.KindName(order.Kind),
            order.IsZip ? "zip" : order.Format == ExportFormat.Xlsx ? "xlsx" : "csv",
            new ExportAuditFilter(order.Filter.Indication, order.Filter.SiteList, order.Filter.FromYear, order.Filter.ToYear),
            result.RowsPerSheet.ToDictionary(r => r.Key, r => r.Value),
            result.Sha256,
            Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(order.Output))),
            order.RunId)),
    };

    /// <summary>The five import files, into a folder (as <c>mvd export --format csv --out DIR</c> always did) or a zip archive moved into place when complete.</summary>
    private async Task<DeidentifiedExportResult> IdentifiedAsync(ExportOrder order, IProgress<(int Percent, string Text)>? progress, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(order.Output)) throw new ExportRefusedException(["--out is empty"]);
        var target = Path.GetFullPath(order.Output);
        if (order.IsZip && Directory.Exists(target)) throw new ExportRefusedException([$"--out '{order.Output}' is a folder"]);
        if (!order.IsZip && File.Exists(target)) throw new ExportRefusedException([$"--out '{order.Output}' is a file: the identified bundle is written to a folder or to a file ending in .zip"]);
        progress?.Report((0, "starting"));
        if (!order.IsZip)
        {
            var written = await CsvBundleWriter.WriteAsync(db, target, ct);
            var files = Directory.GetFiles(target, "*.csv").Where(f => written.Keys.Any(form => Path.GetFileName(f) == Core.Dictionary.Forms.FileName(form)))
                .Order(StringComparer.Ordinal).Select(ExportedFile.Of).ToList();
            progress?.Report((100, "done"));
            return new DeidentifiedExportResult(written.ToArray(), ExportedFile.Manifest(files), files);
        }

        var folder = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        var temp = folder + ".zip";
        try
        {
            var written = await CsvBundleWriter.WriteAsync(db, folder, ct);
            progress?.Report((90, "compressing"));
            await ZipFile.CreateFromDirectoryAsync(folder, temp, CompressionLevel.Optimal, includeBaseDirectory: false, ct);
            File.Move(temp, target, overwrite: true);
            progress?.Report((100, "done"));
            var file = ExportedFile.Of(target);
            return new DeidentifiedExportResult(written.ToArray(), file.Sha256, [file]);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            File.Delete(temp);
        }
    }

}

/// <summary>The audit row's value (JSON): what was exported, how much, and the fingerprint of the file.</summary>
public sealed record ExportAuditValue(string Kind, string Format, ExportAuditFilter Filter, Dictionary<string, int> Rows, string Sha256, string File, long? Run);

public sealed record ExportAuditFilter(string? Indication, IReadOnlyList<string> Sites, int? FromYear, int? ToYear);
