using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using Sylvan.Data.Csv;

namespace MvdRegistry.IntegrationTests.Exports;

/// <summary>One cell of an export as a reader sees it: its text, whether it is a number, whether its format is a date's.</summary>
public sealed record ExportCell(string Sheet, string Column, string Text, bool IsNumber, bool DateFormatted);

/// <summary>
/// Everything a de-identified export holds, read back the way Excel, R or a privacy officer would: every
/// sheet of the workbook (its XML, styles included) or every CSV file of the folder or the zip, and the
/// text of every other file (the scripts). Written apart from the export's own writers.
/// </summary>
public sealed class ExportContents
{
    /// <summary>Sheet name → header, then rows (cell texts, empty for an empty cell).</summary>
    public Dictionary<string, List<string[]>> Sheets { get; } = [];

    public List<ExportCell> Cells { get; } = [];

    /// <summary>File name → text, for the files that are not sheets (read_export.R, read_export.do).</summary>
    public Dictionary<string, string> OtherFiles { get; } = [];

    public IReadOnlyList<Dictionary<string, string>> Rows(string sheet)
    {
        var table = Sheets[sheet];
        return table.Skip(1).Select(r => table[0].Select((c, i) => (c, v: i < r.Length ? r[i] : "")).ToDictionary(x => x.c, x => x.v)).ToList();
    }

    public IReadOnlyList<string> Column(string sheet, string column) => Rows(sheet).Select(r => r[column]).ToList();

    public static ExportContents ReadCsvFolder(string directory)
    {
        var contents = new ExportContents();
        foreach (var file in Directory.GetFiles(directory).Order(StringComparer.Ordinal))
            contents.AddFile(Path.GetFileName(file), File.ReadAllBytes(file));
        return contents;
    }

    public static ExportContents ReadZip(string path)
    {
        var contents = new ExportContents();
        using var zip = ZipFile.OpenRead(path);
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            contents.AddFile(entry.FullName, bytes.ToArray());
        }
        return contents;
    }

    /// <summary>The workbook and the files beside it that share its name (its scripts).</summary>
    public static ExportContents ReadXlsx(string path)
    {
        var contents = new ExportContents();
        using (var zip = ZipFile.OpenRead(path)) contents.ReadWorkbook(zip);
        var stem = Path.GetFileNameWithoutExtension(path) + ".";
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(path)!, stem + "*").Where(f => f != path))
            contents.OtherFiles[Path.GetFileName(file)] = File.ReadAllText(file);
        return contents;
    }

    private void AddFile(string name, byte[] bytes)
    {
        if (!name.EndsWith(".csv", StringComparison.Ordinal))
        {
            OtherFiles[name] = Encoding.UTF8.GetString(bytes);
            return;
        }
        var sheet = name[..^4];
        var table = new List<string[]>();
        using var csv = CsvDataReader.Create(new StringReader(Encoding.UTF8.GetString(bytes)), new CsvDataReaderOptions { HasHeaders = true });
        table.Add(Enumerable.Range(0, csv.FieldCount).Select(csv.GetName).ToArray());
        while (csv.Read())
        {
            var row = Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray();
            table.Add(row);
            for (var i = 0; i < row.Length; i++)
                Cells.Add(new ExportCell(sheet, table[0][i], row[i], double.TryParse(row[i], NumberStyles.Float, CultureInfo.InvariantCulture, out _), false));
        }
        Sheets[sheet] = table;
    }

    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XNamespace Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace PackageRel = "http://schemas.openxmlformats.org/package/2006/relationships";

    private void ReadWorkbook(ZipArchive zip)
    {
        XDocument Load(string entry)
        {
            using var stream = zip.GetEntry(entry)?.Open() ?? throw new InvalidDataException("the workbook has no " + entry);
            return XDocument.Load(stream);
        }

        var shared = zip.GetEntry("xl/sharedStrings.xml") is null ? [] :
            Load("xl/sharedStrings.xml").Root!.Elements(Main + "si").Select(si => string.Concat(si.Descendants(Main + "t").Select(t => t.Value))).ToList();
        var dateStyles = DateStyles(Load("xl/styles.xml"));
        var targets = Load("xl/_rels/workbook.xml.rels").Root!.Elements(PackageRel + "Relationship")
            .ToDictionary(r => (string)r.Attribute("Id")!, r => (string)r.Attribute("Target")!);
        foreach (var sheet in Load("xl/workbook.xml").Root!.Element(Main + "sheets")!.Elements(Main + "sheet"))
        {
            var name = (string)sheet.Attribute("name")!;
            var target = targets[(string)sheet.Attribute(Rel + "id")!].TrimStart('/');
            var document = Load(target.StartsWith("xl/", StringComparison.Ordinal) ? target : "xl/" + target);
            var table = new List<string[]>();
            foreach (var row in document.Descendants(Main + "row"))
            {
                var cells = new SortedDictionary<int, (string Text, bool Number, bool Date)>();
                foreach (var c in row.Elements(Main + "c"))
                {
                    var type = (string?)c.Attribute("t") ?? "n";
                    var value = (string?)c.Element(Main + "v");
                    var text = type switch
                    {
                        "s" => shared[int.Parse(value!, CultureInfo.InvariantCulture)],
                        "inlineStr" => string.Concat(c.Descendants(Main + "t").Select(t => t.Value)),
                        _ => value ?? "",
                    };
                    var style = (int?)c.Attribute("s") ?? 0;
                    cells[ColumnIndex((string)c.Attribute("r")!)] = (text, type == "n" && value is not null, dateStyles.Contains(style) && value is not null);
                }
                var width = cells.Count == 0 ? 0 : cells.Keys.Max() + 1;
                var texts = new string[width];
                for (var i = 0; i < width; i++) texts[i] = cells.TryGetValue(i, out var cell) ? cell.Text : "";
                if (table.Count > 0)
                    foreach (var (index, cell) in cells)
                        Cells.Add(new ExportCell(name, index < table[0].Length ? table[0][index] : $"column {index}", cell.Text, cell.Number, cell.Date));
                table.Add(texts);
            }
            Sheets[name] = table;
        }
    }

    /// <summary>The cell formats (cellXfs indexes) whose number format shows a date or a time.</summary>
    private static HashSet<int> DateStyles(XDocument styles)
    {
        var custom = styles.Root!.Element(Main + "numFmts")?.Elements(Main + "numFmt")
            .ToDictionary(f => (int)f.Attribute("numFmtId")!, f => (string)f.Attribute("formatCode")!) ?? [];
        bool IsDate(int id) => id is >= 14 and <= 22 or >= 45 and <= 47
            || custom.TryGetValue(id, out var code) && System.Text.RegularExpressions.Regex.Replace(code, "\\[[^\\]]*\\]|\"[^\"]*\"", "").IndexOfAny(['d', 'm', 'y', 'h', 's', 'D', 'M', 'Y', 'H', 'S']) >= 0;
        return styles.Root!.Element(Main + "cellXfs")!.Elements(Main + "xf")
            .Select((xf, i) => (i, id: (int?)xf.Attribute("numFmtId") ?? 0))
            .Where(x => IsDate(x.id)).Select(x => x.i).ToHashSet();
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var ch in reference.TakeWhile(char.IsLetter)) index = index * 26 + (ch - 'A' + 1);
        return index - 1;
    }
}
