namespace MvdRegistry.Reporting.Export.Deidentified;

public enum ExportFormat
{
    /// <summary>One workbook: a sheet per form, the analysis sheet, the codebook sheet.</summary>
    Xlsx,

    /// <summary>CSV files in a folder, or in a zip archive when the output ends in .zip.</summary>
    Csv,
}

/// <summary>What to export and where.</summary>
/// <param name="Output">The .xlsx file; for CSV a folder (new or empty) or a .zip file.</param>
public sealed record DeidentifiedExportRequest(ExportFormat Format, string Output, ExportFilter Filter)
{
    /// <summary>
    /// The most data rows an xlsx sheet holds before its rows continue on the next sheet: Excel's limit
    /// (<see cref="XlsxExportWriter.MaxRowsPerSheet"/>), or fewer (tests of the continued sheets).
    /// </summary>
    public int RowsPerSheet { get; init; } = XlsxExportWriter.MaxRowsPerSheet;

    public bool IsZip => Format == ExportFormat.Csv && Output.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);
}

/// <param name="RowsPerSheet">Data rows written per sheet (header not counted), in sheet order; a sheet continued on the sheets after it
/// (over Excel's limit) counted whole.</param>
/// <param name="Sha256">SHA-256 of the workbook or the zip archive; for a folder, of its manifest (each file's SHA-256 and name, a line each, by name).</param>
/// <param name="Files">Every file written, with its own SHA-256.</param>
public sealed record DeidentifiedExportResult(IReadOnlyList<KeyValuePair<string, int>> RowsPerSheet, string Sha256, IReadOnlyList<ExportedFile> Files);

/// <summary>The request was refused before anything was written; <see cref="Problems"/> say why.</summary>
public sealed class ExportRefusedException(IReadOnlyList<string> problems) : Exception(string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
