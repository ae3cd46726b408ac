using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;
using MvdRegistry.Core.Validation;

namespace MvdRegistry.Core.Bundle;

/// <summary>One row of a file, read into a record, with RecordCodec's issues; or the mark that the file cannot be read on.</summary>
/// <remarks>Valid until the next row is read: it shares the CSV reader's field lines.</remarks>
internal sealed class BundleRow(int line, RegistryRecord record, List<FieldIssue> issues, Dictionary<string, int> columns, List<int> fieldLines)
{
    public static readonly BundleRow UnreadableFile = new(0, new Patient(), [], [], []);

    public bool Unreadable => ReferenceEquals(this, UnreadableFile);
    public int Line { get; } = line;
    public RegistryRecord Record { get; } = record;
    public List<FieldIssue> Issues { get; } = issues;

    /// <summary>The physical line on which a column's value begins (the row's line for a column not in the file).</summary>
    public int FieldLine(string column) => columns.TryGetValue(column, out var i) ? fieldLines[i] : Line;
}

/// <summary>
/// Reads one file of a bundle row by row into records: its header checked against the data dictionary,
/// each malformed row reported with its line and column, each well-formed row read by RecordCodec.
/// </summary>
internal static class BundleRows
{
    /// <summary>
    /// The well-formed rows of one file, each read into a record. With <paramref name="report"/>, the
    /// problems of the header and of malformed rows are recorded (once: the first pass), and
    /// <see cref="BundleRow.UnreadableFile"/> ends a file whose header cannot be used.
    /// </summary>
    public static IEnumerable<BundleRow> Read(string form, TextReader reader, DateOnly today, List<BundleProblem> problems,
        HashSet<(string Form, string Key)> skipped, bool report)
    {
        var file = Forms.FileName(form);
        var csv = new CsvRecordReader(reader, TextRules.MaxTextLength);
        if (!csv.Read() || csv.Fields.All(string.IsNullOrWhiteSpace))
        {
            if (report) problems.Add(new BundleProblem(file, 1, "header", "the file is empty: its first line must name the columns"));
            yield return BundleRow.UnreadableFile;
            yield break;
        }
        var header = csv.Fields.ToArray();
        if (csv.Faults.Count > 0)
        {
            if (report)
                foreach (var fault in csv.Faults) problems.Add(new BundleProblem(file, fault.Line, ColumnName(header, fault.Field), Describe(fault)));
            yield return BundleRow.UnreadableFile;
            yield break;
        }
        var expected = DataDictionary.Instance.Columns(form);
        var headerOk = true;
        foreach (var column in header.Where(c => !expected.Contains(c)))
        {
            if (report) problems.Add(new BundleProblem(file, 1, column, "unknown column (not in the data dictionary's " + form + " form)"));
            headerOk = false;
        }
        foreach (var column in expected.Where(c => !header.Contains(c)))
        {
            if (report) problems.Add(new BundleProblem(file, 1, column, "missing column"));
            headerOk = false;
        }
        foreach (var column in header.GroupBy(c => c).Where(g => g.Count() > 1))
        {
            if (report) problems.Add(new BundleProblem(file, 1, column.Key, "column appears more than once"));
            headerOk = false;
        }
        if (!headerOk)
        {
            yield return BundleRow.UnreadableFile;
            yield break;
        }

        var columns = header.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        var keyIndex = Array.IndexOf(header, Forms.KeyColumn(form));
        while (csv.Read())
        {
            var line = csv.Line;
            if (csv.Faults.Count == 0 && csv.Fields.All(string.IsNullOrWhiteSpace)) continue;
            if (csv.Faults.Count > 0 || csv.Fields.Count != header.Length)
            {
                var unterminated = csv.Faults.Any(f => f.Kind == CsvFaultKind.Unterminated);
                if (report) ReportMalformed(problems, file, header, csv, line, unterminated);
                if (unterminated) break;
                // The row is not read; its key is remembered so that its children are not also reported as orphans.
                if (report && keyIndex < csv.Fields.Count) skipped.Add((form, csv.Fields[keyIndex].Trim()));
                continue;
            }
            var record = NewRecord(form);
            var issues = RecordCodec.Read(form, new RowValues(columns, csv.Fields), record, today);
            var parsed = new BundleRow(line, record, issues, columns, csv.FieldLines);
            if (report)
                foreach (var issue in issues) problems.Add(new BundleProblem(file, parsed.FieldLine(issue.Column), issue.Column, issue.Message));
            yield return parsed;
        }
    }

    /// <summary>A row's values by column name, read from the CSV reader's fields without copying them.</summary>
    private sealed class RowValues(Dictionary<string, int> columns, List<string> fields) : IReadOnlyDictionary<string, string?>
    {
        public string? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);
        public IEnumerable<string> Keys => columns.Keys;
        public IEnumerable<string?> Values => columns.Values.Select(i => fields[i]);
        public int Count => columns.Count;
        public bool ContainsKey(string key) => columns.ContainsKey(key);

        public bool TryGetValue(string key, out string? value)
        {
            var found = columns.TryGetValue(key, out var i);
            value = found ? fields[i] : null;
            return found;
        }

        public IEnumerator<KeyValuePair<string, string?>> GetEnumerator() =>
            columns.Select(c => new KeyValuePair<string, string?>(c.Key, fields[c.Value])).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static void ReportMalformed(List<BundleProblem> problems, string file, string[] header, CsvRecordReader csv, int line, bool unterminated)
    {
        foreach (var fault in csv.Faults) problems.Add(new BundleProblem(file, fault.Line, ColumnName(header, fault.Field), Describe(fault)));
        if (unterminated) return;
        if (csv.Fields.Count < header.Length)
            problems.Add(new BundleProblem(file, line, header[csv.Fields.Count],
                $"the row has {csv.Fields.Count} fields but the header has {header.Length}: it ends before {header[csv.Fields.Count]} (no value is left blank by omission)"));
        else if (csv.Fields.Count > header.Length)
            problems.Add(new BundleProblem(file, csv.FieldLines[header.Length], ColumnName(header, header.Length),
                $"the row has {csv.Fields.Count} fields but the header has {header.Length}: remove the extra fields, or quote a value that holds a comma"));
    }

    /// <summary>A header column's name, or "field N" (1-based) for a field beyond the header.</summary>
    private static string ColumnName(string[] header, int field) =>
        field < header.Length && header[field].Length > 0 && header[field].All(c => !TextRules.IsForbidden(c) && c != '\uFFFD')
            ? header[field]
            : $"field {field + 1}";

    private static string Describe(CsvFault fault) => fault.Kind switch
    {
        CsvFaultKind.NotUtf8 => "the text is not valid UTF-8 (a byte that is not UTF-8, read as U+FFFD): save the file as \"CSV UTF-8\" and import it again",
        CsvFaultKind.TooLong => $"the value is longer than {TextRules.MaxTextLength} characters, the most the data dictionary allows",
        CsvFaultKind.StrayQuote => "a double quote inside an unquoted value: put the whole value in double quotes and double the quote (\"\")",
        CsvFaultKind.TextAfterQuote => "text after the closing double quote: a quote inside a quoted value must be doubled (\"\")",
        _ => "the double quote that opens this value is never closed: the rest of the file was read as part of it",
    };

    private static RegistryRecord NewRecord(string form) => form switch
    {
        Forms.Patient => new Patient(),
        Forms.Case => new Operation(),
        Forms.Imaging => new ImagingStudy(),
        Forms.FollowUp => new FollowUp(),
        _ => new Complication(),
    };
}
