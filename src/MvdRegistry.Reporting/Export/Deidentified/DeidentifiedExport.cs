using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Data;

namespace MvdRegistry.Reporting.Export.Deidentified;

/// <summary>
/// The de-identified research export, as the command line runs it and a background job can: checks the
/// request, streams every sheet from the database into a temporary file (or folder) beside the target,
/// moves it into place when complete (a crash or a cancellation leaves no half export), and answers
/// the rows per sheet and the SHA-256 of what it wrote.
/// </summary>
/// <param name="secret">The registry's pseudonym secret (Statistics:PseudonymKey), which keys the HMAC of the pseudonyms.</param>
public sealed class DeidentifiedExport(RegistryDbContext db, string secret)
{
    public const int FirstYear = 2000;
    public const int LastYear = 9998;

    /// <summary>What is wrong with the request; empty when it can run. Nothing is written either way.</summary>
    public async Task<IReadOnlyList<string>> ValidateAsync(DeidentifiedExportRequest request, CancellationToken ct = default)
    {
        var problems = new List<string>();
        var output = request.Output;
        if (string.IsNullOrWhiteSpace(output)) problems.Add("--out is empty");
        else if (request.Format == ExportFormat.Xlsx)
        {
            if (!output.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)) problems.Add($"--out '{output}': an xlsx export is written to a file ending in .xlsx");
            else if (Directory.Exists(output)) problems.Add($"--out '{output}' is a folder");
        }
        else if (request.IsZip)
        {
            if (Directory.Exists(output)) problems.Add($"--out '{output}' is a folder");
        }
        else if (Path.HasExtension(output) && Path.GetExtension(output) is ".csv" or ".xlsx" or ".txt")
            problems.Add($"--out '{output}': a CSV export is written to a folder or to a file ending in .zip");
        else if (File.Exists(output)) problems.Add($"--out '{output}' is a file: a CSV export is written to a folder or to a file ending in .zip");
        else if (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any())
            problems.Add($"--out '{output}' is a folder that is not empty: choose a new or empty folder");

        if (request.RowsPerSheet is < 1 or > XlsxExportWriter.MaxRowsPerSheet)
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{request.RowsPerSheet} rows per sheet: a sheet holds 1 to {XlsxExportWriter.MaxRowsPerSheet:N0}"));
        problems.AddRange(await FilterProblemsAsync(db, request.Filter, commandLine: true, ct));
        return problems;
    }

    /// <summary>
    /// What is wrong with a filter: an indication or a site the registry does not have, a year out of
    /// range, the years reversed. Named as the command line's options, or as the Exports page's fields.
    /// </summary>
    public static async Task<List<string>> FilterProblemsAsync(RegistryDbContext db, ExportFilter filter, bool commandLine, CancellationToken ct = default)
    {
        string Name(string option, string field) => commandLine ? "--" + option : field;
        var problems = new List<string>();
        var indications = DataDictionary.Instance.Get(Forms.Case, "indication");
        if (filter.Indication is { } indication && !indications.HasCode(indication))
            problems.Add($"{Name("indication", "Indication")} '{indication}' is not an indication ({string.Join(", ", indications.Choices.Select(c => c.Code))})");
        if (filter.SiteList.Count > 0)
        {
            var known = await db.Sites.AsNoTracking().Select(s => s.Code).ToListAsync(ct);
            foreach (var site in filter.SiteList.Where(s => !known.Contains(s, StringComparer.Ordinal)))
                problems.Add($"{Name("sites", "Sites")}: '{site}' is not a site of the registry");
        }
        foreach (var (name, year) in new[] { (Name("from-year", "From year"), filter.FromYear), (Name("to-year", "To year"), filter.ToYear) })
            if (year is < FirstYear or > LastYear) problems.Add($"{name} {year} is not a year of surgery ({FirstYear} to {LastYear})");
        if (filter.FromYear > filter.ToYear) problems.Add($"{Name("from-year", "From year")} {filter.FromYear} is after {Name("to-year", "to year")} {filter.ToYear}");
        return problems;
    }

    /// <exception cref="ExportRefusedException">The request is invalid; nothing was written.</exception>
    public async Task<DeidentifiedExportResult> RunAsync(DeidentifiedExportRequest request, IProgress<(int Percent, string Text)>? progress = null, CancellationToken ct = default)
    {
        var problems = await ValidateAsync(request, ct);
        if (problems.Count > 0) throw new ExportRefusedException(problems);

        await using var session = await ReadingSession.OpenAsync(db, ct);
        using var query = new DeidentifiedQuery(db, request.Filter);
        using var pseudonyms = new Pseudonyms(secret);
        // The rows per sheet are estimated for the progress bar only: a run without one (the command line) does not count them,
        // which held its first row back 0.36 s on PostgreSQL and 0.43 s on SQLite at 100,000 patients.
        var counts = progress is null ? null : await query.EstimateAsync(ct);
        // The analysis sheet derives from what the form sheets' rows leave in these files as they pass (the pump reads the sheets in order).
        using var spill = new AnalysisSpill(pseudonyms);
        var sheets = new List<ExportSheet>();
        foreach (var form in Forms.All)
        {
            var rules = DeidentifiedForm.Of(form, DataDictionary.Instance);
            sheets.Add(new ExportSheet(rules.Sheet, rules.Columns, FormRows(query, rules, pseudonyms, spill, ct), counts?[form] ?? 0));
        }
        sheets.Add(new ExportSheet(AnalysisColumns.Sheet, AnalysisColumns.Columns, AnalysisRows(spill, ct).ToAsyncEnumerable(), counts?[Forms.Case] ?? 0));
        var codebook = Codebook.Of(sheets.Select(s => (s.Name, s.Columns)));
        sheets.Add(codebook);
        // From here only the pump's task reads the database, while this one writes.
        await using var pump = RowPump.Start(sheets.Select(s => s.Rows).ToList(), ct);
        sheets = sheets.Select((s, i) => s with { Rows = pump.Rows(i, ct) }).ToList();

        var written = sheets.ToDictionary(s => s.Name, _ => 0);
        var total = Math.Max(1, sheets.Sum(s => s.Expected));
        var done = 0;
        var lastPercent = -1;
        void OnRow(string sheet, int count)
        {
            written[sheet] = count;
            var percent = (int)Math.Min(99, ++done * 100L / total);
            if (percent == lastPercent) return;
            lastPercent = percent;
            progress?.Report((percent, $"{sheet}: {count:N0} rows"));
        }
        progress?.Report((0, "starting"));

        var target = Path.GetFullPath(request.Output);
        var files = request.Format switch
        {
            ExportFormat.Xlsx => await WriteXlsxAsync(target, sheets, request.Filter, request.RowsPerSheet, OnRow, ct),
            _ when request.IsZip => await WriteZipAsync(target, sheets, request.Filter, OnRow, ct),
            _ => await WriteFolderAsync(target, sheets, request.Filter, OnRow, ct),
        };
        var sha = request.Format == ExportFormat.Csv && !request.IsZip ? ExportedFile.Manifest(files) : files[0].Sha256;
        progress?.Report((100, "done"));
        return new DeidentifiedExportResult(sheets.Select(s => new KeyValuePair<string, int>(s.Name, written[s.Name])).ToArray(), sha, files);
    }

    private static async IAsyncEnumerable<object?[]> FormRows(DeidentifiedQuery query, DeidentifiedForm rules, Pseudonyms pseudonyms, AnalysisSpill spill,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var (record, context) in query.Rows(rules.Form, ct))
        {
            // The row first: the spill takes the pseudonyms it has just made.
            var row = rules.Row(record, context, pseudonyms);
            spill.Add(record, context);
            yield return row;
        }
    }

    /// <summary>The analysis sheet's rows, read only after the form sheets' (the pump reads the sheets in order): derived from what they left in <paramref name="spill"/>.</summary>
    private static IEnumerable<object?[]> AnalysisRows(AnalysisSpill spill, CancellationToken ct)
    {
        foreach (var (outcome, keys) in spill.Outcomes())
        {
            ct.ThrowIfCancellationRequested();
            yield return AnalysisColumns.Row(outcome, keys);
        }
    }

    /// <summary>
    /// The workbook, and beside it its two scripts, named after it (they read it by name, and the Stata script each sheet
    /// a form's rows took: written after the workbook).
    /// </summary>
    private static async Task<List<ExportedFile>> WriteXlsxAsync(string target, List<ExportSheet> sheets, ExportFilter filter, int rowsPerSheet,
        Action<string, int> onRow, CancellationToken ct)
    {
        var stem = Path.Combine(Path.GetDirectoryName(target)!, Path.GetFileNameWithoutExtension(target));
        var outputs = new List<(string Temp, string Final)> { (TempBeside(target), target) };
        outputs.AddRange(ScriptTemplates.Names.Select(name => (TempBeside(stem + "." + name), stem + "." + name)));
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var parts = await XlsxExportWriter.WriteAsync(outputs[0].Temp, sheets, onRow, ct, rowsPerSheet);
            var scripts = ScriptTemplates.For(sheets, filter, Path.GetFileName(target), parts);
            var i = 1;
            foreach (var name in ScriptTemplates.Names) await File.WriteAllTextAsync(outputs[i++].Temp, scripts[name], new UTF8Encoding(false), ct);
            foreach (var (temp, final) in outputs) File.Move(temp, final, overwrite: true);
        }
        finally
        {
            foreach (var (temp, _) in outputs) File.Delete(temp);
        }
        return outputs.Select(o => ExportedFile.Of(o.Final)).ToList();
    }

    private static async Task<List<ExportedFile>> WriteZipAsync(string target, List<ExportSheet> sheets, ExportFilter filter, Action<string, int> onRow, CancellationToken ct)
    {
        var temp = TempBeside(target);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await CsvExportWriter.WriteZipAsync(temp, sheets, ScriptTemplates.For(sheets, filter, null), onRow, ct);
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
        return [ExportedFile.Of(target)];
    }

    private static async Task<List<ExportedFile>> WriteFolderAsync(string target, List<ExportSheet> sheets, ExportFilter filter, Action<string, int> onRow, CancellationToken ct)
    {
        var temp = TempBeside(target.TrimEnd(Path.DirectorySeparatorChar));
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(temp)!);
            await CsvExportWriter.WriteFolderAsync(temp, sheets, ScriptTemplates.For(sheets, filter, null), onRow, ct);
            // Validation allowed only a missing or empty folder here.
            if (Directory.Exists(target)) Directory.Delete(target);
            Directory.Move(temp, target);
        }
        finally
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        }
        return Directory.GetFiles(target).Order(StringComparer.Ordinal).Select(ExportedFile.Of).ToList();
    }

    private static string TempBeside(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
}
