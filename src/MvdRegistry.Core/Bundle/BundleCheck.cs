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
public sealed partial class BundleCheck
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

    /// <summary>Each read file's SHA-256 (lowercase hex) by form, as the first pass read it (the second pass refuses any other bytes).</summary>
    public IReadOnlyDictionary<string, string> FileHashes => _hashes.ToDictionary(h => h.Key, h => Convert.ToHexStringLower(h.Value));

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

    /// <summary>A file's rows; with <paramref name="report"/> (the first pass) its header's and malformed rows' problems are recorded.</summary>
    private IEnumerable<BundleRow> Rows(string form, TextReader reader, bool report) =>
        BundleRows.Read(form, reader, _today, _rowProblems, _skipped, report);

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
}
