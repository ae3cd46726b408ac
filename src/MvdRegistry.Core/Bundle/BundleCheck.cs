using System.Text;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;
using MvdRegistry.Core.Validation;

namespace MvdRegistry.Core.Bundle;

/// <summary>
/// Checks a CSV bundle (the five files of the registry's import format) in two streaming passes, so that
/// a bundle of any size is checked without holding its records. The first pass reads every row, reports
/// what a row shows on its own (shape, type, code, range, missing or duplicate key) and keeps only each
/// record's key and line and the few values other records' rules read: a patient's site, MRN and birth
/// date; an operation's patient, indication and date; each visit's operation and date; each death's
/// operation and onset. With the registry's facts those give every cross-record check its answer:
/// the second pass (<see cref="Records"/>) reads the files again, checks each record against them and
/// hands it on, so the caller can write it as it comes (and roll back if a problem turns up).
/// Every problem of every file is collected, each with its file, line and column, in the same order as
/// a check of the whole bundle in memory lists them.
/// </summary>
public sealed class BundleCheck
{
    /// <summary>UTF-8 only: a UTF-8 byte-order mark is skipped; any other bytes that are not UTF-8 read as U+FFFD and are refused.</summary>
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: false);

    private readonly Func<string, Stream?> _open;
    private readonly DateOnly _today;
    private readonly RegistryFacts _registry;

    // The problems in the order the checks list them: each file's rows, missing parents, MRNs held twice,
    // each record's rules, registry visits a bundle death makes invalid.
    private readonly List<BundleProblem> _rowProblems = [];
    private readonly List<BundleProblem> _parentProblems = [];
    private readonly List<BundleProblem> _mrnProblems = [];
    private readonly List<BundleProblem> _ruleProblems = [];
    private readonly List<BundleProblem> _registryProblems = [];
    private readonly List<BundleProblem> _warnings = [];

    private readonly HashSet<string> _unreadable = [];
    /// <summary>The SHA-256 of each file as the first pass read it: the second pass must read the same bytes.</summary>
    private readonly Dictionary<string, byte[]> _hashes = [];
    private readonly HashSet<(string Form, string Key)> _skipped = [];
    /// <summary>Per form: each accepted record's key and line (a second row with the key is refused).</summary>
    private readonly Dictionary<string, Dictionary<string, int>> _lines = Forms.All.ToDictionary(f => f, _ => new Dictionary<string, int>());

    // The registry as it will be after the import, as far as the rules read it: bundle records replace
    // registry records of the same key.
    private readonly Dictionary<string, PatientFacts> _patients = [];
    private readonly Dictionary<string, OperationFacts> _operations = [];
    private readonly List<PatientFacts> _patientOrder = [];
    private readonly List<string> _siteCodes = [];
    private readonly List<string> _surgeonCodes = [];
    private readonly HashSet<string> _siteSet = [];
    private readonly HashSet<string> _surgeonSet = [];
    private bool _secondPassDone;

    private sealed class PatientFacts(string id, int line, string? site, string? mrn, DateOnly? birth)
    {
        public string PatientId { get; } = id;
        /// <summary>0 for a registry patient.</summary>
        public int Line { get; } = line;
        public string? SiteCode { get; } = site;
        public string? Mrn { get; } = mrn;
        public DateOnly? BirthDate { get; } = birth;
    }

    private sealed class OperationFacts(string caseId, string? patientId, string? indication, DateOnly? surgery)
    {
        public string CaseId { get; } = caseId;
        public string? PatientId { get; } = patientId;
        public string? Indication { get; } = indication;
        public DateOnly? SurgeryDate { get; } = surgery;
        public DateOnly? DeathDate { get; set; }
        /// <summary>The operation's visits, bundle ones first, as (key, date).</summary>
        public List<(string Id, DateOnly? Date)> Visits { get; } = [];
    }

    private BundleCheck(Func<string, Stream?> open, DateOnly today, RegistryFacts registry)
    {
        _open = open;
        _today = today;
        _registry = registry;
    }

    /// <summary>The first pass over the bundle in <paramref name="directory"/>.</summary>
    public static BundleCheck Start(string directory, DateOnly today, RegistryFacts registry)
    {
        var files = Forms.All.ToDictionary(f => f, f => Path.Combine(directory, Forms.FileName(f)));
        return Start(form => File.Exists(files[form]) ? File.OpenRead(files[form]) : null, today, registry);
    }

    /// <summary>The first pass.</summary>
    /// <param name="open">Opens a form's file, or returns null when it is missing; called twice per form.</param>
    /// <param name="registry">What the registry already holds: parents may be there instead of in the bundle.</param>
    public static BundleCheck Start(Func<string, Stream?> open, DateOnly today, RegistryFacts registry)
    {
        var check = new BundleCheck(open, today, registry);
        check.FirstPass();
        return check;
    }

    public RegistryFacts Registry => _registry;

    /// <summary>Site codes of the bundle's patients, each once, in the order met.</summary>
    public IReadOnlyList<string> SiteCodes => _siteCodes;

    /// <summary>Surgeon codes of the bundle's operations, each once, in the order met.</summary>
    public IReadOnlyList<string> SurgeonCodes => _surgeonCodes;

    /// <summary>Whether any problem has been found so far (the second pass adds to them as it goes).</summary>
    public bool HasProblems => _rowProblems.Count + _parentProblems.Count + _mrnProblems.Count + _ruleProblems.Count + _registryProblems.Count > 0;

    /// <summary>
    /// The second pass: every record the first pass accepted, form by form in file order, each checked by
    /// the rules (its problems added as it is read) and without navigation properties. Enumerate it once,
    /// to the end, before <see cref="Result"/>.
    /// </summary>
    public IEnumerable<RegistryRecord> Records()
    {
        if (_secondPassDone) throw new InvalidOperationException("the second pass runs once");
        foreach (var form in Forms.All)
        {
            if (_unreadable.Contains(form)) continue;
            using var stream = new HashingReadStream(_open(form) ?? throw new InvalidOperationException($"{Forms.FileName(form)} disappeared during the import"));
            using var reader = new StreamReader(stream, Utf8, detectEncodingFromByteOrderMarks: false);
            var lines = _lines[form];
            var read = 0;
            var changed = false;
            foreach (var row in Rows(form, reader, report: false))
            {
                var key = FieldAccess.Key(row.Record);
                if (string.IsNullOrEmpty(key) || !lines.TryGetValue(key, out var line) || line != row.Line) continue;
                read++;
                // A value the first pass found good must be good again: else the file changed in between.
                if (row.Issues.Count > 0 && _rowProblems.Count == 0 && !changed)
                {
                    Changed(form, line);
                    changed = true;
                }
                CheckParent(row.Record, line);
                CheckRules(row.Record, line, row.Issues);
                yield return row.Record;
            }
            // Any other change, a value turned into another good one included, changes the file's bytes.
            if (!changed && (read != lines.Count || !stream.Hash().AsSpan().SequenceEqual(_hashes[form]))) Changed(form, 0);
        }
        _secondPassDone = true;
    }

    private void Changed(string form, int line) =>
        _rowProblems.Add(new BundleProblem(Forms.FileName(form), line, "", "the file changed while it was being imported: import it again"));

    /// <summary>Every problem and warning, once the second pass has run.</summary>
    public BundleReadResult Result(RegistryData? data = null)
    {
        if (!_secondPassDone) throw new InvalidOperationException("the second pass has not run");
        var result = new BundleReadResult { Data = data ?? new RegistryData() };
        result.Problems.AddRange([.. _rowProblems, .. _parentProblems, .. _mrnProblems, .. _ruleProblems, .. _registryProblems]);
        result.Warnings.AddRange(_warnings);
        return result;
    }

    private void FirstPass()
    {
        foreach (var form in Forms.All)
        {
            ReadFirst(form);
            // The registry's records the bundle does not replace join once the bundle's own are all known:
            // patients and operations before the children that point at them, visits and deaths after the bundle's.
            if (form == Forms.Case) MergeParents();
            if (form == Forms.FollowUp) MergeVisits();
            if (form == Forms.Complication) MergeDeaths();
        }
        CheckMrns();
        CheckRegistryVisits();
    }

    private void ReadFirst(string form)
    {
        var opened = _open(form);
        if (opened is null)
        {
            _rowProblems.Add(new BundleProblem(Forms.FileName(form), 0, "", "file is missing from the bundle"));
            _unreadable.Add(form);
            return;
        }
        using var stream = new HashingReadStream(opened);
        using var reader = new StreamReader(stream, Utf8, detectEncodingFromByteOrderMarks: false);
        foreach (var row in Rows(form, reader, report: true))
        {
            if (row.Unreadable)
            {
                _unreadable.Add(form);
                return;
            }
            Keep(form, row);
        }
        _hashes[form] = stream.Hash();
    }

    /// <summary>Takes in one parsed row of the first pass: its key, and the facts other records' rules read.</summary>
    private void Keep(string form, Row row)
    {
        var file = Forms.FileName(form);
        var keyColumn = Forms.KeyColumn(form);
        var record = row.Record;
        var key = FieldAccess.Key(record);
        if (string.IsNullOrEmpty(key))
        {
            // A row without a usable key cannot be matched, linked or written.
            if (row.Issues.All(i => i.Column != keyColumn))
                _rowProblems.Add(new BundleProblem(file, row.FieldLine(keyColumn), keyColumn, "is required: every row needs its key"));
            return;
        }
        var lines = _lines[form];
        if (!lines.TryAdd(key, row.Line))
        {
            _rowProblems.Add(new BundleProblem(file, row.Line, keyColumn, $"duplicate key {key} (first on line {lines[key]})"));
            return;
        }
        switch (record)
        {
            case Patient p:
                var facts = new PatientFacts(key, row.Line, p.SiteCode, p.Mrn, p.BirthDate);
                _patients.Add(key, facts);
                _patientOrder.Add(facts);
                AddCode(_siteCodes, _siteSet, p.SiteCode);
                break;
            case Operation o:
                _operations.Add(key, new OperationFacts(key, o.PatientId, o.Indication, o.SurgeryDate));
                AddCode(_surgeonCodes, _surgeonSet, o.SurgeonCode);
                break;
            case FollowUp f:
                AddVisit(f.CaseId, key, f.VisitDate);
                break;
            case Complication c:
                AddDeath(c.CaseId, c.ComplicationType, c.OnsetDate);
                break;
        }
    }

    private static void AddCode(List<string> codes, HashSet<string> met, string? code)
    {
        if (code is not null && met.Add(code)) codes.Add(code);
    }

    /// <summary>The registry's patients and operations the bundle does not replace.</summary>
    private void MergeParents()
    {
        foreach (var p in _registry.Patients.Where(p => !_patients.ContainsKey(p.PatientId)))
        {
            var facts = new PatientFacts(p.PatientId, 0, p.SiteCode, p.Mrn, p.BirthDate);
            _patients.Add(p.PatientId, facts);
            _patientOrder.Add(facts);
        }
        foreach (var o in _registry.Operations.Where(o => !_operations.ContainsKey(o.CaseId)))
            _operations.Add(o.CaseId, new OperationFacts(o.CaseId, o.PatientId, o.Indication, o.SurgeryDate));
    }

    /// <summary>The registry's visits the bundle does not replace, after the bundle's own.</summary>
    private void MergeVisits()
    {
        var visits = _lines[Forms.FollowUp];
        foreach (var f in _registry.FollowUps.Where(f => !visits.ContainsKey(f.FollowupId)))
            AddVisit(f.CaseId, f.FollowupId, f.VisitDate);
    }

    /// <summary>The registry's deaths the bundle does not replace.</summary>
    private void MergeDeaths()
    {
        var complications = _lines[Forms.Complication];
        foreach (var c in _registry.Complications.Where(c => !complications.ContainsKey(c.ComplicationId)))
            AddDeath(c.CaseId, c.ComplicationType, c.OnsetDate);
    }

    private void AddVisit(string? caseId, string id, DateOnly? date)
    {
        if (caseId is not null && _operations.TryGetValue(caseId, out var op)) op.Visits.Add((id, date));
    }

    /// <summary>An operation's death date is the onset of its earliest death.</summary>
    private void AddDeath(string? caseId, string? type, DateOnly? onset)
    {
        if (type == "death" && onset is not null && caseId is not null && _operations.TryGetValue(caseId, out var op) && (op.DeathDate is null || onset < op.DeathDate))
            op.DeathDate = onset;
    }

    /// <summary>
    /// One patient per medical record number and site: a bundle patient whose MRN another patient of the
    /// same site holds (in the registry, or earlier in the bundle) is refused, naming that patient. MRNs are
    /// compared without regard to letter case, as the case search finds them.
    /// </summary>
    private void CheckMrns()
    {
        var file = Forms.FileName(Forms.Patient);
        var holders = _patientOrder
            .Where(p => !string.IsNullOrEmpty(p.Mrn) && p.SiteCode is not null)
            .GroupBy(p => (Site: p.SiteCode!, Mrn: p.Mrn!.ToUpperInvariant()));
        foreach (var group in holders)
        {
            if (group.Count() < 2) continue;
            // The registry's own patient holds the number first; else the bundle's first row.
            var ordered = group.OrderBy(p => p.Line).ToList();
            var owner = ordered[0];
            var where = owner.Line > 0 ? $"on line {owner.Line}" : "in the registry";
            foreach (var patient in ordered.Skip(1).Where(p => p.Line > 0))
            {
                _mrnProblems.Add(new BundleProblem(file, patient.Line, "mrn",
                    $"MRN {patient.Mrn} already belongs to patient {owner.PatientId} of site {owner.SiteCode} ({where}): one patient per MRN and site"));
            }
        }
        _patientOrder.Clear();
    }

    /// <summary>A death in the bundle can make a visit already in the registry invalid.</summary>
    private void CheckRegistryVisits()
    {
        var visits = _lines[Forms.FollowUp];
        foreach (var visit in _registry.FollowUps.Where(f => !visits.ContainsKey(f.FollowupId)))
        {
            if (_operations.TryGetValue(visit.CaseId, out var op) && op.DeathDate < visit.VisitDate)
            {
                _registryProblems.Add(new BundleProblem(Forms.FileName(Forms.Complication), 0, "onset_date",
                    $"the death recorded for operation {visit.CaseId} precedes visit {visit.FollowupId} already in the registry"));
            }
        }
    }

    private void CheckParent(RegistryRecord record, int line)
    {
        var (column, parentForm, key, found) = record switch
        {
            Operation o => ("patient_id", Forms.Patient, o.PatientId, o.PatientId is not null && _patients.ContainsKey(o.PatientId)),
            ImagingStudy s => ("case_id", Forms.Case, s.CaseId, s.CaseId is not null && _operations.ContainsKey(s.CaseId)),
            FollowUp f => ("case_id", Forms.Case, f.CaseId, f.CaseId is not null && _operations.ContainsKey(f.CaseId)),
            Complication c => ("case_id", Forms.Case, c.CaseId, c.CaseId is not null && _operations.ContainsKey(c.CaseId)),
            _ => ("", "", (string?)"", true),
        };
        if (found || _unreadable.Contains(parentForm) || string.IsNullOrEmpty(key) || _skipped.Contains((parentForm, key))) return;
        _parentProblems.Add(new BundleProblem(Forms.FileName(FieldAccess.FormOf(record)), line, column,
            $"{key} is neither in {Forms.FileName(parentForm)} nor in the registry"));
    }

    /// <summary>
    /// The record's rules, read against stand-ins for the records it is linked to that carry the values
    /// the rules read; <paramref name="issues"/> are RecordCodec's, whose variables the rules are not heard on again.
    /// </summary>
    private void CheckRules(RegistryRecord record, int line, List<FieldIssue> issues)
    {
        switch (record)
        {
            case Operation o:
                o.Patient = o.PatientId is not null && _patients.TryGetValue(o.PatientId, out var patient) ? new Patient { PatientId = patient.PatientId, BirthDate = patient.BirthDate } : null;
                break;
            case ImagingStudy s:
                s.Operation = StandIn(s.CaseId, null);
                break;
            case FollowUp f:
                f.Operation = StandIn(f.CaseId, f);
                break;
            case Complication c:
                c.Operation = StandIn(c.CaseId, null);
                break;
        }
        var flagged = issues.Count == 0 ? null : issues.Select(i => VariableOf(i.Column)).ToHashSet();
        var file = Forms.FileName(FieldAccess.FormOf(record));
        foreach (var issue in RecordValidator.Validate(record))
        {
            if (flagged is not null && flagged.Contains(VariableOf(issue.Column))) continue;
            (issue.IsError ? _ruleProblems : _warnings).Add(new BundleProblem(file, line, issue.Column, issue.Message));
        }
        switch (record)
        {
            case Operation o: o.Patient = null; break;
            case ImagingStudy s: s.Operation = null; break;
            case FollowUp f: f.Operation = null; break;
            case Complication c: c.Operation = null; break;
        }
    }

    /// <summary>
    /// An operation carrying what its children's rules read: indication, date, its earliest death and,
    /// for <paramref name="visit"/>, its other visits on the same date.
    /// </summary>
    private Operation? StandIn(string? caseId, FollowUp? visit)
    {
        if (caseId is null || !_operations.TryGetValue(caseId, out var facts)) return null;
        var op = new Operation
        {
            CaseId = facts.CaseId,
            PatientId = facts.PatientId!,
            Indication = facts.Indication,
            SurgeryDate = facts.SurgeryDate,
        };
        if (facts.DeathDate is { } died) op.Complications.Add(new Complication { CaseId = caseId, ComplicationType = "death", OnsetDate = died });
        if (visit?.VisitDate is { } date)
        {
            foreach (var (id, visitDate) in facts.Visits)
                if (visitDate == date) op.FollowUps.Add(new FollowUp { FollowupId = id, CaseId = caseId, VisitDate = visitDate });
        }
        return op;
    }

    /// <summary>One row of a file, read into a record, with RecordCodec's issues; or the mark that the file cannot be read on.</summary>
    /// <remarks>Valid until the next row is read: it shares the CSV reader's field lines.</remarks>
    private sealed class Row(int line, RegistryRecord record, List<FieldIssue> issues, Dictionary<string, int> columns, List<int> fieldLines)
    {
        public static readonly Row UnreadableFile = new(0, new Patient(), [], [], []);

        public bool Unreadable => ReferenceEquals(this, UnreadableFile);
        public int Line { get; } = line;
        public RegistryRecord Record { get; } = record;
        public List<FieldIssue> Issues { get; } = issues;

        /// <summary>The physical line on which a column's value begins (the row's line for a column not in the file).</summary>
        public int FieldLine(string column) => columns.TryGetValue(column, out var i) ? fieldLines[i] : Line;
    }

    /// <summary>
    /// The well-formed rows of one file, each read into a record. With <paramref name="report"/>, the
    /// problems of the header and of malformed rows are recorded (once: the first pass), and
    /// <see cref="Row.UnreadableFile"/> ends a file whose header cannot be used.
    /// </summary>
    private IEnumerable<Row> Rows(string form, TextReader reader, bool report)
    {
        var file = Forms.FileName(form);
        var csv = new CsvRecordReader(reader, TextRules.MaxTextLength);
        if (!csv.Read() || csv.Fields.All(string.IsNullOrWhiteSpace))
        {
            if (report) _rowProblems.Add(new BundleProblem(file, 1, "header", "the file is empty: its first line must name the columns"));
            yield return Row.UnreadableFile;
            yield break;
        }
        var header = csv.Fields.ToArray();
        if (csv.Faults.Count > 0)
        {
            if (report)
                foreach (var fault in csv.Faults) _rowProblems.Add(new BundleProblem(file, fault.Line, ColumnName(header, fault.Field), Describe(fault)));
            yield return Row.UnreadableFile;
            yield break;
        }
        var expected = DataDictionary.Instance.Columns(form);
        var headerOk = true;
        foreach (var column in header.Where(c => !expected.Contains(c)))
        {
            if (report) _rowProblems.Add(new BundleProblem(file, 1, column, "unknown column (not in the data dictionary's " + form + " form)"));
            headerOk = false;
        }
        foreach (var column in expected.Where(c => !header.Contains(c)))
        {
            if (report) _rowProblems.Add(new BundleProblem(file, 1, column, "missing column"));
            headerOk = false;
        }
        foreach (var column in header.GroupBy(c => c).Where(g => g.Count() > 1))
        {
            if (report) _rowProblems.Add(new BundleProblem(file, 1, column.Key, "column appears more than once"));
            headerOk = false;
        }
        if (!headerOk)
        {
            yield return Row.UnreadableFile;
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
                if (report) ReportMalformed(file, header, csv, line, unterminated);
                if (unterminated) break;
                // The row is not read; its key is remembered so that its children are not also reported as orphans.
                if (report && keyIndex < csv.Fields.Count) _skipped.Add((form, csv.Fields[keyIndex].Trim()));
                continue;
            }
            var record = NewRecord(form);
            var issues = RecordCodec.Read(form, new RowValues(columns, csv.Fields), record, _today);
            var parsed = new Row(line, record, issues, columns, csv.FieldLines);
            if (report)
                foreach (var issue in issues) _rowProblems.Add(new BundleProblem(file, parsed.FieldLine(issue.Column), issue.Column, issue.Message));
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

    private void ReportMalformed(string file, string[] header, CsvRecordReader csv, int line, bool unterminated)
    {
        foreach (var fault in csv.Faults) _rowProblems.Add(new BundleProblem(file, fault.Line, ColumnName(header, fault.Field), Describe(fault)));
        if (unterminated) return;
        if (csv.Fields.Count < header.Length)
            _rowProblems.Add(new BundleProblem(file, line, header[csv.Fields.Count],
                $"the row has {csv.Fields.Count} fields but the header has {header.Length}: it ends before {header[csv.Fields.Count]} (no value is left blank by omission)"));
        else if (csv.Fields.Count > header.Length)
            _rowProblems.Add(new BundleProblem(file, csv.FieldLines[header.Length], ColumnName(header, header.Length),
                $"the row has {csv.Fields.Count} fields but the header has {header.Length}: remove the extra fields, or quote a value that holds a comma"));
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
}
