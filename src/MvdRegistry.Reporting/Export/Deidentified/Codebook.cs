using MvdRegistry.Core.Dictionary;

namespace MvdRegistry.Reporting.Export.Deidentified;

/// <summary>
/// The codebook shipped in every de-identified export (the <c>codebook</c> sheet, <c>codebook.csv</c>):
/// one row per column of every data sheet, with its label, type, codes and their labels, unit, how it
/// is derived and what an empty cell means. read_export.R applies its labels; read_export.do is written from it.
/// </summary>
public static class Codebook
{
    public const string Sheet = "codebook";

    public static readonly IReadOnlyList<ExportColumn> Columns =
    [
        Describe("sheet", "Sheet (xlsx) or file (CSV) the column is in", 14),
        Describe("column", "Column name", 24),
        Describe("label", "What the column holds", 50),
        Describe("type", "pseudonym, text, integer, decimal, code (one of codes), binary (1 or 0, see codes)", 10),
        Describe("codes", "The codes and their labels, code=label separated by |", 50),
        Describe("unit", "Unit of a number", 10),
        Describe("derivation", "Where the value comes from: the data dictionary variable, or the OUTCOMES.md item", 40),
        Describe("empty_means", "What an empty cell means", 40),
    ];

    private static ExportColumn Describe(string name, string label, int width) =>
        new(name, label, ColumnTypes.Text, [], "", "codebook", "nothing to say") { Width = width };

    public static ExportSheet Of(IEnumerable<(string Sheet, IReadOnlyList<ExportColumn> Columns)> sheets)
    {
        var rows = sheets.SelectMany(s => s.Columns.Select(c => new object?[]
        {
            s.Sheet, c.Name, c.Label, c.Type, Choice.Format(c.Codes), c.Unit, c.Derivation, c.Empty,
        })).ToArray<object?[]>();
        return new ExportSheet(Sheet, Columns, rows.ToAsyncEnumerable(), rows.Length);
    }
}
