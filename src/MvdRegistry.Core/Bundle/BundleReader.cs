using System.Text;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;
using MvdRegistry.Core.Validation;
using Sylvan.Data.Csv;

namespace MvdRegistry.Core.Bundle;

/// <summary>
/// Reads and validates a CSV bundle (the five files of the registry's import format) without writing
/// anything. Every problem of every file is collected, each with its file, line and column.
/// </summary>
public static class BundleReader
{
    public static BundleReadResult Read(string directory, DateOnly today, RegistryData? existing = null)
    {
        var files = Forms.All.ToDictionary(f => f, f => Path.Combine(directory, Forms.FileName(f)));
        return Read(form => File.Exists(files[form]) ? new StreamReader(files[form], Encoding.UTF8, detectEncodingFromByteOrderMarks: true) : null, today, existing);
    }

    /// <param name="open">Opens a form's file, or returns null when it is missing.</param>
    /// <param name="existing">What the registry already holds: parents may be there instead of in the bundle.</param>
    public static BundleReadResult Read(Func<string, TextReader?> open, DateOnly today, RegistryData? existing = null)
    {
        var result = new BundleReadResult();
        var lines = new Dictionary<RegistryRecord, int>();
        var unreadable = new HashSet<string>();
        foreach (var form in Forms.All)
        {
            using var reader = open(form);
            if (reader is null)
            {
                result.Problems.Add(new BundleProblem(Forms.FileName(form), 0, "", "file is missing from the bundle"));
                unreadable.Add(form);
                continue;
            }
            if (!ReadFile(form, reader, today, result, lines)) unreadable.Add(form);
        }
        var merged = Merge(result.Data, existing);
        CheckParents(result, lines, merged, unreadable);
        ValidateRecords(result, lines, merged);
        return result;
    }

    private static bool ReadFile(string form, TextReader reader, DateOnly today, BundleReadResult result, Dictionary<RegistryRecord, int> lines)
    {
        var file = Forms.FileName(form);
        using var csv = CsvDataReader.Create(reader, new CsvDataReaderOptions { HasHeaders = true, Delimiter = ',' });
        var header = Enumerable.Range(0, csv.FieldCount).Select(csv.GetName).ToArray();
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
        var line = 1;
        while (csv.Read())
        {
            line++;
            var row = new Dictionary<string, string?>(header.Length);
            for (var i = 0; i < header.Length; i++) row[header[i]] = csv.GetString(i);
            if (row.Values.All(string.IsNullOrWhiteSpace)) continue;
            var record = NewRecord(form);
            foreach (var issue in RecordCodec.Read(form, row, record, today))
                result.Problems.Add(new BundleProblem(file, line, issue.Column, issue.Message));
            var key = FieldAccess.Key(record);
            if (key.Length > 0 && !keys.TryAdd(key, line))
            {
                result.Problems.Add(new BundleProblem(file, line, keyColumn, $"duplicate key {key} (first on line {keys[key]})"));
                continue;
            }
            lines[record] = line;
            result.Data.Add(record);
        }
        return true;
    }

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

    private static void CheckParents(BundleReadResult result, Dictionary<RegistryRecord, int> lines, RegistryData merged, HashSet<string> unreadable)
    {
        void Missing(RegistryRecord r, string column, string parentForm, string key)
        {
            if (unreadable.Contains(parentForm) || key.Length == 0) return;
            result.Problems.Add(new BundleProblem(Forms.FileName(FieldAccess.FormOf(r)), lines[r], column,
                $"{key} is neither in {Forms.FileName(parentForm)} nor in the registry"));
        }
        foreach (var o in result.Data.Operations.Where(o => o.Patient is null)) Missing(o, "patient_id", Forms.Patient, o.PatientId);
        foreach (var s in result.Data.Imaging.Where(s => s.Operation is null)) Missing(s, "case_id", Forms.Case, s.CaseId);
        foreach (var f in result.Data.FollowUps.Where(f => f.Operation is null)) Missing(f, "case_id", Forms.Case, f.CaseId);
        foreach (var c in result.Data.Complications.Where(c => c.Operation is null)) Missing(c, "case_id", Forms.Case, c.CaseId);
    }

    private static void ValidateRecords(BundleReadResult result, Dictionary<RegistryRecord, int> lines, RegistryData merged)
    {
        foreach (var record in result.Data.All())
        {
            var file = Forms.FileName(FieldAccess.FormOf(record));
            foreach (var issue in RecordValidator.Validate(record))
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
