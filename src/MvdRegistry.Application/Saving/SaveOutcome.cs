using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;

namespace MvdRegistry.Application.Saving;

/// <summary>What a save came to: exactly one of saved, invalid, stale or key taken. Nothing is written unless saved.</summary>
public abstract record SaveOutcome
{
    public sealed record Saved : SaveOutcome;

    /// <summary>
    /// Errors, or warnings not confirmed (then <see cref="Unconfirmed"/>). <see cref="Issues"/> are by
    /// form and column (besides the form's columns: "reason", "version"); <see cref="Linked"/> are the
    /// rules of other records the change would break.
    /// </summary>
    public sealed record Invalid(IReadOnlyList<FormIssue> Issues, IReadOnlyList<LinkedIssue> Linked) : SaveOutcome
    {
        public IReadOnlyList<FieldIssue> Warnings => Issues.Where(i => !i.Issue.IsError).Select(i => i.Issue).ToList();

        /// <summary>Valid, but raising warnings the caller has not confirmed.</summary>
        public bool Unconfirmed => Linked.Count == 0 && Issues.All(i => !i.Issue.IsError);

        public IEnumerable<FieldIssue> Of(string form) => Issues.Where(i => i.Form == form).Select(i => i.Issue);
    }

    /// <summary>
    /// Someone saved the record after the caller read version <see cref="Yours"/>: it is at
    /// <see cref="Current"/>, holding <see cref="Now"/> (null: deleted meanwhile); <see cref="Changes"/>
    /// say what changed since, from the audit trail.
    /// </summary>
    public sealed record Stale(int Yours, int Current, RegistryRecord? Now, IReadOnlyList<VersionChange> Changes) : SaveOutcome;

    /// <summary>A new record whose key another record already holds (checked, or lost in a race at the database).</summary>
    public sealed record KeyTaken(string Form, string Column, string Key) : SaveOutcome;
}

/// <summary>A problem with one column of one of the forms being saved.</summary>
public sealed record FormIssue(string Form, FieldIssue Issue);

/// <summary>An error the save would bring to another record (a later surgery date puts a visit before surgery).</summary>
public sealed record LinkedIssue(string Form, string Key, string Column, string Message)
{
    public string Variable => ColumnNames.VariableOf(Column);

    /// <summary>"Follow-up visit F1: Visit date 2025-02-09 is before the date of surgery (2025-03-01)": the record, then the field by its label.</summary>
    public override string ToString() =>
        $"{FormTitles.Of(Form)} {Key}: {DataDictionary.Instance.Find(Form, Variable)?.Label ?? Variable} {Message}";
}

/// <summary>One field changed by one save, as the audit trail recorded it.</summary>
public sealed record VersionChange(string Field, string? OldValue, string? NewValue, string User, DateTime At, string? Reason);
