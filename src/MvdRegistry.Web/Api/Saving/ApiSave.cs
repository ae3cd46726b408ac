using MvdRegistry.Application.Saving;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;
using MvdRegistry.Web.Api.Contracts;

namespace MvdRegistry.Web.Api.Saving;

/// <summary>An API input as the save handler's command: its variables as raw columns, "confirm_warnings" confirming every warning.</summary>
public static class ApiSave
{
    /// <param name="headerReason">The X-Change-Reason header: the reason when the body gives none; refused when over-long in any case.</param>
    /// <param name="found">The endpoint's own findings (a patient not found), reported with the rest.</param>
    public static SaveCommand Command(RegistryRecord record, IRecordInput input, bool isNew, IReadOnlyDictionary<string, string> fixedKeys,
        string? headerReason, IEnumerable<FieldIssue>? found = null)
    {
        var issues = new List<FieldIssue>(found ?? []);
        var columns = FormColumns.ToColumns(input, issues);
        // A header the body's reason overrides is still refused when over-long: no path takes a longer reason.
        if (!string.IsNullOrWhiteSpace(input.Reason) && headerReason is { Length: > SaveHandler.ReasonMaxLength })
            issues.Add(new FieldIssue("reason", $"the {ChangeReason.Header} header is {headerReason.Length} characters long: at most {SaveHandler.ReasonMaxLength} are kept in the audit trail"));
        return new SaveCommand
        {
            Record = record,
            Columns = columns,
            IsNew = isNew,
            FixedKeys = fixedKeys,
            Version = input.Version,
            Reason = string.IsNullOrWhiteSpace(input.Reason) ? headerReason : input.Reason,
            Confirmation = Confirmation.Flag(input.ConfirmWarnings),
            InputIssues = issues,
        };
    }
}
