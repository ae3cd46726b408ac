using MvdRegistry.Core.Dictionary;

namespace MvdRegistry.Reporting.Export.Deidentified;

/// <summary>The kinds of value a de-identified column holds, as the codebook names them.</summary>
public static class ColumnTypes
{
    public const string Pseudonym = "pseudonym";
    public const string Text = "text";
    public const string Integer = "integer";
    public const string Decimal = "decimal";
    /// <summary>A code of <see cref="ExportColumn.Codes"/>, stored as its code.</summary>
    public const string Code = "code";
    /// <summary>1 or 0 (or empty), with <see cref="ExportColumn.Codes"/> naming what each means.</summary>
    public const string Binary = "binary";
}

/// <summary>One column of a de-identified sheet and its codebook entry.</summary>
/// <param name="Codes">The codes and their labels (codes and binary columns); empty otherwise.</param>
/// <param name="Derivation">How the value is obtained: the dictionary variable, or the OUTCOMES.md item.</param>
/// <param name="Empty">What an empty cell means.</param>
public sealed record ExportColumn(
    string Name,
    string Label,
    string Type,
    IReadOnlyList<Choice> Codes,
    string Unit,
    string Derivation,
    string Empty)
{
    /// <summary>
    /// Characters a value of this text column needs to be read whole in the workbook, where its type does not say
    /// (<see cref="XlsxExportWriter.WidthOf"/>); unset, a short text.
    /// </summary>
    public int? Width { get; init; }
}

/// <summary>A sheet (xlsx) or file (CSV) of the export: its columns and its rows, read once, in order.</summary>
/// <param name="Rows">Values in column order: string, int, decimal or null (empty). Enumerated once, streaming from the database.</param>
/// <param name="Expected">Rows expected, estimated before writing, for progress only (the rows written are counted as they are written); 0 when the export reports no progress.</param>
public sealed record ExportSheet(string Name, IReadOnlyList<ExportColumn> Columns, IAsyncEnumerable<object?[]> Rows, int Expected);
