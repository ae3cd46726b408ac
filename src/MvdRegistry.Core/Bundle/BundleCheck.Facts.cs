using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;
using MvdRegistry.Core.Validation;

namespace MvdRegistry.Core.Bundle;

/// <summary>
/// The facts the first pass keeps of each record (its key and line, and the few values other records'
/// rules read), merged with the registry's, and every check across records answered from them: missing
/// parents, duplicate MRNs, the rules read against stand-in parents, and the registry's own visits.
/// </summary>
public sealed partial class BundleCheck
{
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

    /// <summary>Takes in one parsed row of the first pass: its key, and the facts other records' rules read.</summary>
    private void Keep(string form, BundleRow row)
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

    /// <summary>The variable a column belongs to: vessel_op for vessel_op___AICA.</summary>
    private static string VariableOf(string column) =>
        column.IndexOf(Variable.MultiSeparator, StringComparison.Ordinal) is var at and >= 0 ? column[..at] : column;
}
