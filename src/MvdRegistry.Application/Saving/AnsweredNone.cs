using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;

namespace MvdRegistry.Application.Saving;

/// <summary>
/// A multi-choice variable saved as answered with every code 0 (imports carry such rows) shows no ticked
/// box, and a form posts nothing for it, which reads as "not answered". When nothing was ticked, the
/// record held every code at 0 and the question still applies, that answer is kept: an edit of other
/// fields must not quietly turn "none" into "not recorded".
/// </summary>
public static class AnsweredNone
{
    public static void Keep(RegistryRecord record, IReadOnlyDictionary<string, string?> stored, IReadOnlyList<FieldIssue> readIssues)
    {
        var indication = record switch
        {
            Operation o => o.Indication,
            ImagingStudy s => s.Operation?.Indication,
            FollowUp f => f.Operation?.Indication,
            Complication c => c.Operation?.Indication,
            _ => null,
        };
        foreach (var variable in DataDictionary.Instance.Form(FieldAccess.FormOf(record)).Where(v => v.Type == VariableType.Multi))
        {
            var unread = readIssues.Any(i => ColumnNames.VariableOf(i.Column) == variable.Name);
            if (unread || FieldAccess.Get(record, variable) is not null) continue;
            if (variable.Columns.All(c => stored.GetValueOrDefault(c) == "0") && Applicability.Holds(variable, record, indication))
                FieldAccess.Set(record, variable, "");
        }
    }
}
