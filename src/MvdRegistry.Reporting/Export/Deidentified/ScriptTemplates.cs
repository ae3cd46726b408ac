using System.Reflection;
using System.Text;
using MvdRegistry.Core.Dictionary;

namespace MvdRegistry.Reporting.Export.Deidentified;

/// <summary>
/// read_export.R and read_export.do, embedded templates filled for one export: the R script reads the
/// codebook when it runs; the Stata script has the codebook's labels written into it (Stata's value
/// labels are numbers, so each code gets the number of its place in the codebook).
/// </summary>
public static class ScriptTemplates
{
    public const string RScript = "read_export.R";
    public const string StataScript = "read_export.do";

    /// <summary>Both scripts' names, in the order <see cref="For"/> makes them.</summary>
    public static IReadOnlyList<string> Names { get; } = [RScript, StataScript];

    /// <param name="workbook">The xlsx file name the scripts read, or null for CSV files beside them.</param>
    /// <param name="parts">How many of the workbook's sheets each sheet's rows took (<see cref="XlsxExportWriter.PartName"/>); none, one each.</param>
    public static IReadOnlyDictionary<string, string> For(IReadOnlyList<ExportSheet> sheets, ExportFilter filter, string? workbook,
        IReadOnlyDictionary<string, int>? parts = null) => new Dictionary<string, string>
    {
        [RScript] = R(filter, workbook),
        [StataScript] = Stata(sheets, filter, workbook, parts),
    };

    public static string R(ExportFilter filter, string? workbook) => Template(RScript)
        .Replace("{{WORKBOOK}}", RString(workbook ?? ""))
        .Replace("{{FILTER}}", RString(filter.ToString()));

    public static string Stata(IReadOnlyList<ExportSheet> sheets, ExportFilter filter, string? workbook, IReadOnlyDictionary<string, int>? parts = null)
    {
        var body = new StringBuilder();
        foreach (var sheet in sheets.Where(s => s.Name != Codebook.Sheet))
        {
            body.Append("* ").Append(sheet.Name).Append('\n');
            if (workbook is null)
                body.Append($"import delimited using \"{sheet.Name}.csv\", varnames(1) case(preserve) stringcols(_all) encoding(\"utf-8\") bindquotes(strict) clear\n");
            else ImportSheet(body, workbook, sheet.Name, parts?.GetValueOrDefault(sheet.Name, 1) ?? 1);
            var numeric = sheet.Columns.Where(c => c.Type is ColumnTypes.Integer or ColumnTypes.Decimal or ColumnTypes.Binary).Select(c => c.Name).ToArray();
            if (numeric.Length > 0) body.Append("destring ").Append(string.Join(' ', numeric)).Append(", replace\n");
            foreach (var column in sheet.Columns)
            {
                if (column.Type == ColumnTypes.Code && column.Codes.Count > 0) Encode(body, column);
                else if (column.Type == ColumnTypes.Binary && column.Codes.Count > 0)
                {
                    var label = LabelName(column.Name);
                    body.Append($"label define {label} ");
                    body.Append(string.Join(' ', column.Codes.Select(c => $"{c.Code} `\"{StataText(c.Label)}\"'")));
                    body.Append(", replace\n");
                    body.Append($"label values {column.Name} {label}\n");
                }
                body.Append($"label variable {column.Name} `\"{StataText(Truncate(column.Label, 80))}\"'\n");
            }
            body.Append($"save \"{sheet.Name}.dta\", replace\n\n");
        }
        var indication = sheets.Single(s => s.Name == AnalysisColumns.Sheet).Columns.Single(c => c.Name == "indication");
        return Template(StataScript)
            .Replace("{{SHEETS}}", body.ToString())
            .Replace("{{FILTER}}", filter.ToString())
            .Replace("{{HFS}}", StataText(indication.Codes.Single(c => c.Code == "HFS").Label))
            .Replace("{{INDICATION_LABEL}}", LabelName(indication.Name));
    }

    /// <summary>
    /// A sheet of the workbook. A sheet whose rows continue on the sheets after it (over Excel's limit): its later parts read
    /// first, each into a temporary file, then the first part with the others appended in order.
    /// </summary>
    private static void ImportSheet(StringBuilder body, string workbook, string sheet, int parts)
    {
        string Import(int part) =>
            $"import excel using \"{StataText(workbook)}\", sheet(\"{XlsxExportWriter.PartName(sheet, part)}\") firstrow case(preserve) allstring clear\n";
        for (var part = 2; part <= parts; part++)
            body.Append(Import(part)).Append($"tempfile part{part}\nsave `part{part}'\n");
        body.Append(Import(1));
        if (parts > 1) body.Append("append using ").Append(string.Join(' ', Enumerable.Range(2, parts - 1).Select(p => $"`part{p}'"))).Append('\n');
    }

    /// <summary>A code column becomes a number 1, 2 ... in codebook order, labelled with the code's label.</summary>
    private static void Encode(StringBuilder body, ExportColumn column)
    {
        var label = LabelName(column.Name);
        body.Append($"label define {label} ");
        body.Append(string.Join(' ', column.Codes.Select((c, i) => $"{i + 1} `\"{StataText(c.Label)}\"'")));
        body.Append(", replace\n");
        body.Append("generate long _coded = .\n");
        for (var i = 0; i < column.Codes.Count; i++)
            body.Append($"replace _coded = {i + 1} if {column.Name} == \"{StataText(column.Codes[i].Code)}\"\n");
        body.Append($"drop {column.Name}\nrename _coded {column.Name}\nlabel values {column.Name} {label}\n");
    }

    /// <summary>Value label names share the 32-character limit of Stata names.</summary>
    private static string LabelName(string column) => Truncate("l_" + column, 32);

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    /// <summary>Text inside Stata's compound quotes or plain quotes: no quote characters, no macro expansion.</summary>
    private static string StataText(string text) => text.Replace("\"", "'").Replace("`", "'").Replace("$", "");

    private static string RString(string text) => text.Replace("\\", "\\\\").Replace("\"", "\\\"");

    private static string Template(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("MvdRegistry.Reporting.Export.Deidentified.Scripts." + name)
            ?? throw new InvalidOperationException(name + " is not embedded in MvdRegistry.Reporting");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }
}
