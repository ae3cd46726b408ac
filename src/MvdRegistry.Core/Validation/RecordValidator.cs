using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;

namespace MvdRegistry.Core.Validation;

/// <summary>
/// Required-ness, applicability and the cross-field rules of one record, read against the records it
/// is linked to through its navigation properties (a follow-up's operation, that operation's other
/// visits and complications, its patient). The same rules serve the web form, the API and the import.
/// Type, code and range checks come before, in <see cref="RecordCodec"/>.
/// </summary>
public static class RecordValidator
{
    public static List<FieldIssue> Validate(RegistryRecord record)
    {
        var issues = new List<FieldIssue>();
        var indication = record switch
        {
            Operation op => op.Indication,
            ImagingStudy s => s.Operation?.Indication,
            FollowUp f => f.Operation?.Indication,
            Complication c => c.Operation?.Indication,
            _ => null,
        };
        CheckApplicability(record, indication, issues);
        switch (record)
        {
            case Operation op: OperationRules.Check(op, issues); break;
            case ImagingStudy s: ImagingRules.Check(s, issues); break;
            case FollowUp f: FollowUpRules.Check(f, issues); break;
            case Complication c: ComplicationRules.Check(c, issues); break;
        }
        return issues;
    }

    private static void CheckApplicability(RegistryRecord record, string? indication, List<FieldIssue> issues)
    {
        foreach (var variable in DataDictionary.Instance.Form(FieldAccess.FormOf(record)))
        {
            var value = FieldAccess.Get(record, variable);
            var empty = value is null;
            var applies = Applicability.Holds(variable, record, indication);
            // Without an indication (a child whose operation is missing, an operation whose indication is not given) a rule on the
            // indication cannot be judged: that record's own problem is reported, not a "does not apply" on each of its fields.
            var judged = indication is not null || !Applicability.ReadsIndication(variable);
            if (!applies && judged && value is not null)
            {
                issues.Add(new FieldIssue(variable.Columns[0], $"does not apply here: it applies only when {Applicability.Describe(variable)}; leave it empty"));
                continue;
            }
            var required = variable.Required == Requirement.Yes || (variable.Required == Requirement.Applies && applies);
            if (!required) continue;
            if (empty)
                issues.Add(new FieldIssue(variable.Columns[0], "is required"));
            else if (variable.Type == VariableType.Multi && (string)value! == "")
                issues.Add(new FieldIssue(variable.Columns[0], "is required: choose at least one"));
        }
    }
}
