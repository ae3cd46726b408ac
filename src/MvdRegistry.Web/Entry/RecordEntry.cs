using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;
using MvdRegistry.Core.Validation;
using MvdRegistry.Data;

namespace MvdRegistry.Web.Entry;

/// <summary>
/// The one way a form changes a record: read the posted columns with the Core's codec, validate the
/// record in its real context, block on errors and on unconfirmed warnings, require a reason for
/// changes to records older than a day, and never overwrite a change someone else saved meanwhile.
/// </summary>
public sealed class RecordEntry(RegistryDbContext db, TimeProvider clock, KeyGenerator keys)
{
    public const int ReasonMaxLength = 1000;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public bool NeedsReason(RegistryRecord record) => ReasonForChange.IsRequired(record.CreatedAt, clock.GetUtcNow().UtcDateTime);

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
        if (request.Input.RowVersion != record.Version) return Conflict(request, state, record);

        var issues = await CheckAsync(request, Columns.With(request.Posted, request.Fixed), state, stored: Columns.Of(record));
        CheckReason(state, changes: db.ChangeTracker.HasChanges());
        if (!EntryChecks.MaySave(issues, state, request.Input)) return new EntryResult(false, Form(FieldAccess.FormOf(record), request.Posted, issues), state);

        db.AuditReason = state.ChangeReason;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Saved by someone else between this request's read and its write: the version column caught it.
            var latest = await db.Entry(record).GetDatabaseValuesAsync(ct);
            if (latest is null)
            {
                state.Errors.Add("This record was deleted by someone else while you were editing it: nothing was saved.");
                return new EntryResult(false, Form(FieldAccess.FormOf(record), request.Posted), state);
            }
            return Conflict(request, state, (RegistryRecord)latest.ToObject());
        }
        return new EntryResult(true, Form(FieldAccess.FormOf(record), request.Posted), state);
    }

    /// <summary>A new record: its key as typed, or generated when left empty.</summary>
    public async Task<EntryResult> CreateAsync(EntryRequest request, CancellationToken ct = default)
    {
        var form = FieldAccess.FormOf(request.Record);
        var keyColumn = Forms.KeyColumn(form);
        var state = new EntryState { ChangeReason = request.Input.ChangeReason };
        var values = Columns.With(request.Posted, request.Fixed);
        var typed = values.GetValueOrDefault(keyColumn)?.Trim() ?? "";
        var key = typed.Length > 0 ? typed : await keys.NextAsync(form, ct);
        values[keyColumn] = key;

        var issues = await CheckAsync(request, values, state);
        if (typed.Length > 0 && await keys.ExistsAsync(form, typed, ct))
            issues.Add(KeyTaken(keyColumn, typed));
        if (!EntryChecks.MaySave(issues, state, request.Input)) return new EntryResult(false, Form(form, request.Posted, issues), state);

        request.Add!();
        db.AuditReason = state.ChangeReason;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            if (!await keys.ExistsAsync(form, key, ct)) throw;
            state.Errors.Add($"The key {key} was taken by another entry a moment ago: nothing was saved. Save again to use a new key.");
            return new EntryResult(false, Form(form, request.Posted, issues), state);
        }
        return new EntryResult(true, Form(form, values), state);
    }

    public static FieldIssue KeyTaken(string column, string key) =>
        new(column, $"{key} is already used in the registry: type another key, or leave it empty for a generated one");

    /// <summary>Reads the values into the record and validates it with the records linked to it.</summary>
    private async Task<List<FieldIssue>> CheckAsync(EntryRequest request, IReadOnlyDictionary<string, string?> values, EntryState state,
        IReadOnlyDictionary<string, string?>? stored = null)
    {
        var before = LinkedChecks.Errors(request.Linked);
        var read = RecordCodec.Read(FieldAccess.FormOf(request.Record), values, request.Record, Today);
        if (stored is not null) AnsweredNone.Keep(request.Record, stored, read);
        var issues = EntryChecks.Merge(read, RecordValidator.Validate(request.Record));
        if (request.Checks is not null) issues.AddRange(await request.Checks(request.Record));
        state.Errors.AddRange(LinkedChecks.NewErrors(before));
        return issues;
    }

    private static void CheckReason(EntryState state, bool changes)
    {
        if (state.ChangeReason is { Length: > ReasonMaxLength })
            state.ReasonError = $"The reason is longer than {ReasonMaxLength} characters.";
        else if (state.ReasonRequired && changes && state.ChangeReason is null)
            state.ReasonError = "This record was created more than 24 hours ago: give a reason for the change. It is kept in the audit trail.";
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
