using System.Text;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;
using MvdRegistry.Core.Validation;

namespace MvdRegistry.Core.Bundle;

/// <summary>
/// Reads and validates a CSV bundle (the five files of the registry's import format) without writing
/// anything. Every problem of every file is collected, each with its file, line and column.
/// </summary>
public static class BundleReader
{
    /// <summary>UTF-8 only: a UTF-8 byte-order mark is skipped; any other bytes that are not UTF-8 read as U+FFFD and are refused.</summary>
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: false);

    public static BundleReadResult Read(string directory, DateOnly today, RegistryData? existing = null)
    {
        var files = Forms.All.ToDictionary(f => f, f => Path.Combine(directory, Forms.FileName(f)));
        return Read(form => File.Exists(files[form]) ? File.OpenRead(files[form]) : null, today, existing);
    }

    /// <param name="open">Opens a form's file, or returns null when it is missing.</param>
    /// <param name="existing">What the registry already holds: parents may be there instead of in the bundle.</param>
    public static BundleReadResult Read(Func<string, Stream?> open, DateOnly today, RegistryData? existing = null)
    {
        var result = new BundleReadResult();
        var lines = new Dictionary<RegistryRecord, int>();
        var unreadable = new HashSet<string>();
        var skipped = new HashSet<(string Form, string Key)>();
        var flagged = new Dictionary<RegistryRecord, HashSet<string>>();
        foreach (var form in Forms.All)
        {
            using var stream = open(form);
            if (stream is null)
            {
                result.Problems.Add(new BundleProblem(Forms.FileName(form), 0, "", "file is missing from the bundle"));
                unreadable.Add(form);
                continue;
            }
            using var reader = new StreamReader(stream, Utf8, detectEncodingFromByteOrderMarks: false);
            if (!ReadFile(form, reader, today, result, lines, skipped, flagged)) unreadable.Add(form);
        }
        var merged = Merge(result.Data, existing);
        CheckParents(result, lines, merged, unreadable, skipped);
        DuplicateMrns.Check(result, lines, merged);
        ValidateRecords(result, lines, merged, flagged);
        return result;
    }

    private static bool ReadFile(string form, TextReader reader, DateOnly today, BundleReadResult result,
        Dictionary<RegistryRecord, int> lines, HashSet<(string Form, string Key)> skipped, Dictionary<RegistryRecord, HashSet<string>> flagged)
    {
        var file = Forms.FileName(form);
        var csv = new CsvRecordReader(reader, TextRules.MaxTextLength);
        if (!csv.Read() || csv.Fields.All(string.IsNullOrWhiteSpace))
        {
            result.Problems.Add(new BundleProblem(file, 1, "header", "the file is empty: its first line must name the columns"));
            return false;
        }
        var header = csv.Fields.ToArray();
        if (csv.Faults.Count > 0)
        {
            foreach (var fault in csv.Faults) result.Problems.Add(new BundleProblem(file, fault.Line, ColumnName(header, fault.Field), Describe(fault)));
            return false;
        }
        var expected = DataDictionary.Instance.Columns(form);
        var headerOk = true;
        foreach (var column in header.Where(c => !expected.Contains(c)))
        {
            result.Problems.Add(new BundleProblem(file, 1, column, "unknown column (not in the data dictionary's " + form + " form)"));
            headerOk = false;
        }
        foreach (var column in expected.Where(c => !header.Contains(c)))
        {
            result.Problems.Add(new BundleProblem(file, 1, column, "missing column"));
            headerOk = false;
        }
        foreach (var column in header.GroupBy(c => c).Where(g => g.Count() > 1))
        {
            result.Problems.Add(new BundleProblem(file, 1, column.Key, "column appears more than once"));
            headerOk = false;
        }
        if (!headerOk) return false;

        var keys = new Dictionary<string, int>();
        var keyColumn = Forms.KeyColumn(form);
        var keyIndex = Array.IndexOf(header, keyColumn);
        while (csv.Read())
        {
            var line = csv.Line;
            if (csv.Faults.Count == 0 && csv.Fields.All(string.IsNullOrWhiteSpace)) continue;
            if (csv.Faults.Count > 0 || csv.Fields.Count != header.Length)
            {
                foreach (var fault in csv.Faults) result.Problems.Add(new BundleProblem(file, fault.Line, ColumnName(header, fault.Field), Describe(fault)));
                if (csv.Faults.Any(f => f.Kind == CsvFaultKind.Unterminated)) break;
                if (csv.Fields.Count < header.Length)
                    result.Problems.Add(new BundleProblem(file, line, header[csv.Fields.Count],
                        $"the row has {csv.Fields.Count} fields but the header has {header.Length}: it ends before {header[csv.Fields.Count]} (no value is left blank by omission)"));
                else if (csv.Fields.Count > header.Length)
                    result.Problems.Add(new BundleProblem(file, csv.FieldLines[header.Length], ColumnName(header, header.Length),
                        $"the row has {csv.Fields.Count} fields but the header has {header.Length}: remove the extra fields, or quote a value that holds a comma"));
                // The row is not read; its key is remembered so that its children are not also reported as orphans.
                if (keyIndex < csv.Fields.Count) skipped.Add((form, csv.Fields[keyIndex].Trim()));
                continue;
            }
            var row = new Dictionary<string, string?>(header.Length);
            var fieldLines = new Dictionary<string, int>(header.Length);
            for (var i = 0; i < header.Length; i++)
            {
                row[header[i]] = csv.Fields[i];
                fieldLines[header[i]] = csv.FieldLines[i];
            }
            var record = NewRecord(form);
            var issues = RecordCodec.Read(form, row, record, today);
            foreach (var issue in issues)
                result.Problems.Add(new BundleProblem(file, fieldLines.GetValueOrDefault(issue.Column, line), issue.Column, issue.Message));
            flagged[record] = issues.Select(i => VariableOf(i.Column)).ToHashSet();
            var key = FieldAccess.Key(record);
            if (string.IsNullOrEmpty(key))
            {
                // A row without a usable key cannot be matched, linked or written.
                if (issues.All(i => i.Column != keyColumn))
                    result.Problems.Add(new BundleProblem(file, fieldLines[keyColumn], keyColumn, "is required: every row needs its key"));
                continue;
            }
            if (!keys.TryAdd(key, line))
            {
                result.Problems.Add(new BundleProblem(file, line, keyColumn, $"duplicate key {key} (first on line {keys[key]})"));
                continue;
            }
            lines[record] = line;
            result.Data.Add(record);
        }
        return true;
    }

    /// <summary>The variable a column belongs to: vessel_op for vessel_op___AICA.</summary>
    private static string VariableOf(string column) =>
        column.IndexOf(Variable.MultiSeparator, StringComparison.Ordinal) is var at and >= 0 ? column[..at] : column;

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

    /// <summary>The registry as it would be after the import: bundle records replace registry records of the same key.</summary>
    private static RegistryData Merge(RegistryData bundle, RegistryData? existing)
    {
        var merged = new RegistryData();
        merged.Patients.AddRange(Union(bundle.Patients, existing?.Patients, p => p.PatientId));
        merged.Operations.AddRange(Union(bundle.Operations, existing?.Operations, o => o.CaseId));
        merged.Imaging.AddRange(Union(bundle.Imaging, existing?.Imaging, s => s.ImagingId));
        merged.FollowUps.AddRange(Union(bundle.FollowUps, existing?.FollowUps, f => f.FollowupId));
        merged.Complications.AddRange(Union(bundle.Complications, existing?.Complications, c => c.ComplicationId));
        return merged.Link();
    }

    private static IEnumerable<T> Union<T>(List<T> bundle, List<T>? existing, Func<T, string> key)
    {
        if (existing is null) return bundle;
        var replaced = bundle.Select(key).ToHashSet();
        return bundle.Concat(existing.Where(e => !replaced.Contains(key(e))));
    }

    private static void CheckParents(BundleReadResult result, Dictionary<RegistryRecord, int> lines, RegistryData merged,
        HashSet<string> unreadable, HashSet<(string Form, string Key)> skipped)
    {
        void Missing(RegistryRecord r, string column, string parentForm, string key)
        {
            if (unreadable.Contains(parentForm) || string.IsNullOrEmpty(key) || skipped.Contains((parentForm, key))) return;
            result.Problems.Add(new BundleProblem(Forms.FileName(FieldAccess.FormOf(r)), lines[r], column,
                $"{key} is neither in {Forms.FileName(parentForm)} nor in the registry"));
        }
        foreach (var o in result.Data.Operations.Where(o => o.Patient is null)) Missing(o, "patient_id", Forms.Patient, o.PatientId);
        foreach (var s in result.Data.Imaging.Where(s => s.Operation is null)) Missing(s, "case_id", Forms.Case, s.CaseId);
        foreach (var f in result.Data.FollowUps.Where(f => f.Operation is null)) Missing(f, "case_id", Forms.Case, f.CaseId);
        foreach (var c in result.Data.Complications.Where(c => c.Operation is null)) Missing(c, "case_id", Forms.Case, c.CaseId);
    }

    /// <param name="flagged">The variables of each record already refused by RecordCodec: the validator is not heard on them again.</param>
    private static void ValidateRecords(BundleReadResult result, Dictionary<RegistryRecord, int> lines, RegistryData merged,
        Dictionary<RegistryRecord, HashSet<string>> flagged)
    {
        foreach (var record in result.Data.All())
        {
            var file = Forms.FileName(FieldAccess.FormOf(record));
            foreach (var issue in RecordValidator.Validate(record).Where(i => !flagged[record].Contains(VariableOf(i.Column))))
            {
                var problem = new BundleProblem(file, lines[record], issue.Column, issue.Message);
                (issue.IsError ? result.Problems : result.Warnings).Add(problem);
            }
        }
        // A death in the bundle can make a visit already in the registry invalid.
        var bundleVisits = result.Data.FollowUps.ToHashSet();
        foreach (var visit in merged.FollowUps.Where(f => !bundleVisits.Contains(f) && f.Operation is { } op && OperationFacts.DeathDate(op) < f.VisitDate))
        {
            result.Problems.Add(new BundleProblem(Forms.FileName(Forms.Complication), 0, "onset_date",
                $"the death recorded for operation {visit.CaseId} precedes visit {visit.FollowupId} already in the registry"));
        }
    }
}
