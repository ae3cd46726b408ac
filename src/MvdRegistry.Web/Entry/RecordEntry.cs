using MvdRegistry.Application.Saving;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;

namespace MvdRegistry.Web.Entry;

/// <summary>
/// The pages' adapter to the <see cref="SaveHandler"/>: a posted form becomes a save command (the
/// warnings confirmed by the fingerprint the page showed), and the outcome becomes the page again
/// with the typed values kept, the problems beside their fields, the warnings to confirm and, for a
/// stale save, what someone else changed meanwhile.
/// </summary>
public sealed class RecordEntry(SaveHandler handler)
{
    public const int ReasonMaxLength = SaveHandler.ReasonMaxLength;

    public DateOnly Today => handler.Today;

    public bool NeedsReason(RegistryRecord record) => handler.NeedsReason(record);

    public EntryForm Form(string form, IReadOnlyDictionary<string, string?> values, IReadOnlyList<FieldIssue>? issues = null) =>
        new(form, values, issues ?? [], Today);

    /// <summary>An existing record as its edit form first shows it.</summary>
    public EntryResult Open(RegistryRecord record)
    {
        var values = Columns.Of(record);
        var state = new EntryState
        {
            IsEdit = true, RowVersion = record.Version, LoadedValues = LoadedValues.Write(values), ReasonRequired = NeedsReason(record),
        };
        return new EntryResult(false, Form(FieldAccess.FormOf(record), values), state);
    }

    public async Task<EntryResult> UpdateAsync(EntryRequest request, CancellationToken ct = default)
    {
        var record = request.Record;
        var state = new EntryState
        {
            IsEdit = true, RowVersion = request.Input.RowVersion, LoadedValues = request.Input.LoadedValues,
            ChangeReason = request.Input.ChangeReason, ReasonRequired = NeedsReason(record),
        };
        var outcome = await handler.SaveAsync(Command(request) with { Version = request.Input.RowVersion, Stored = Columns.Of(record) }, ct);
        return Result(outcome, request, state);
    }

    /// <summary>A new record: its key as typed, or generated when left empty.</summary>
    public async Task<EntryResult> CreateAsync(EntryRequest request, CancellationToken ct = default)
    {
        var state = new EntryState { ChangeReason = request.Input.ChangeReason };
        var outcome = await handler.SaveAsync(Command(request) with { IsNew = true, GenerateKey = true }, ct);
        return Result(outcome, request, state);
    }

    public static SaveCommand Command(EntryRequest request) => new()
    {
        Record = request.Record,
        // A page draws the fixed keys read-only: what it posts for them is not input.
        Columns = Columns.With(request.Posted, request.Fixed),
        FixedKeys = request.Fixed,
        Reason = request.Input.ChangeReason,
        Confirmation = Confirmation.Of(request.Input.ConfirmWarnings),
    };

    /// <summary>A taken key, beside the key field.</summary>
    public static FieldIssue KeyTaken(SaveOutcome.KeyTaken taken) =>
        new(taken.Column, $"{taken.Key} is already used in the registry: type another key, or leave it empty for a generated one");

    /// <summary>
    /// Fills the page state from a refused save: the warnings and whether this exact set was confirmed,
    /// the reason's problem, problems of other records and of no field; returns the issues per field of <paramref name="form"/>.
    /// </summary>
    public static List<FieldIssue> Refused(SaveOutcome.Invalid invalid, string form, EntryState state, EntryInput input)
    {
        state.Warnings = invalid.Warnings;
        state.WarningsConfirmed = state.Warnings.Count > 0 && Confirmation.Of(input.ConfirmWarnings).Covers(state.Warnings);
        foreach (var issue in invalid.Issues.Select(i => i.Issue))
        {
            if (issue.Column == "reason") state.ReasonError = "The reason " + issue.Message + ".";
            else if (issue.Column == "version") state.Errors.Add("The form did not say which version it edits: open the record again.");
        }
        state.Errors.AddRange(invalid.Linked.Select(l => l.ToString()));
        return invalid.Of(form).Where(i => i.Column is not ("reason" or "version")).ToList();
    }

    private EntryResult Result(SaveOutcome outcome, EntryRequest request, EntryState state)
    {
        var form = FieldAccess.FormOf(request.Record);
        switch (outcome)
        {
            case SaveOutcome.Saved:
                return new EntryResult(true, Form(form, request.Posted), state);
            case SaveOutcome.Invalid invalid:
                return new EntryResult(false, Form(form, request.Posted, Refused(invalid, form, state, request.Input)), state);
            case SaveOutcome.KeyTaken taken:
                return new EntryResult(false, Form(form, request.Posted, [KeyTaken(taken)]), state);
            case SaveOutcome.Stale { Now: null }:
                state.Errors.Add("This record was deleted by someone else while you were editing it: nothing was saved.");
                return new EntryResult(false, Form(form, request.Posted), state);
            case SaveOutcome.Stale stale:
                return Conflict(request, state, stale.Now);
            default:
                throw new System.Diagnostics.UnreachableException($"a save cannot end {outcome}");
        }
    }

    /// <summary>
    /// The page again with the user's typed values kept, the fields someone else changed since the page
    /// was loaded listed beside their current values, and the current version in the form: saving again
    /// is then a deliberate choice. A field this user had left as loaded takes their value, so that
    /// saving again replaces only what this user changed.
    /// </summary>
    private EntryResult Conflict(EntryRequest request, EntryState state, RegistryRecord current)
    {
        var form = FieldAccess.FormOf(current);
        var theirs = Columns.Of(current);
        var loaded = LoadedValues.Read(request.Input.LoadedValues);
        var shown = request.Posted.ToDictionary(c => c.Key, c => c.Value);
        var rows = new List<ConflictRow>();
        foreach (var variable in DataDictionary.Instance.Form(form))
        {
            var now = Display.Of(variable, theirs);
            var yours = Display.Of(variable, request.Posted);
            var was = loaded is null ? yours : Display.Of(variable, loaded);
            if (was == now) continue;
            var untouched = loaded is not null && yours == was;
            if (untouched)
                foreach (var column in variable.Columns) shown[column] = theirs.GetValueOrDefault(column);
            rows.Add(new ConflictRow(variable.Name, variable.Label, yours, now, untouched));
        }
        state.Conflict = rows;
        if (rows.Count == 0)
            state.Errors.Add("Someone else saved this record after you opened it. Check the values and save again.");
        state.RowVersion = current.Version;
        state.LoadedValues = LoadedValues.Write(theirs);
        return new EntryResult(false, Form(form, shown), state);
    }
}
