using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;
using MvdRegistry.Core.Validation;
using MvdRegistry.Data;
using MvdRegistry.Web.Api.Contracts;
using MvdRegistry.Web.Api.Problems;

namespace MvdRegistry.Web.Api.Saving;

/// <summary>
/// The one path by which the API changes a record, with the pages' and the import's rules: the input
/// becomes raw columns, RecordCodec reads them (type, code, range), RecordValidator checks the record in
/// its real context (required, applicability, cross-field), the records that depend on it must stay
/// valid, warnings need confirming, an old record needs a reason, and a stale version is refused.
/// </summary>
public sealed class RecordSaver(RegistryDbContext db, TimeProvider clock)
{
    public async Task<SaveOutcome> SaveAsync(SaveRequest request, CancellationToken ct)
    {
        var record = request.Record;
        var input = request.Input;
        var errors = request.Errors.ToDictionary(e => e.Key, e => new List<string> { e.Value });
        if (!request.IsNew)
        {
            if (input.Version is not { } version)
                Add(errors, "version", "is required: send the version you read, so that nobody else's change is overwritten");
            else if (version != record.Version)
                return new SaveOutcome.Stale(await StaleVersion.DescribeAsync(db, record, version, record.Version, ct));
        }

        var issues = new List<FieldIssue>();
        var columns = FormColumns.ToColumns(input, issues);
        foreach (var (column, value) in request.FixedKeys)
        {
            if (columns[column] is { } given && given.Trim().Length > 0 && given.Trim() != value)
                issues.Add(new FieldIssue(column, $"is {value} here and cannot be changed"));
            columns[column] = value;
        }
        var dependantErrorsBefore = Dependants.Errors(record);
        issues.AddRange(RecordCodec.Read(FieldAccess.FormOf(record), columns, record, Today()));
        var flagged = issues.Select(i => FieldNames.VariableOf(i.Column)).ToHashSet();
        issues.AddRange(RecordValidator.Validate(record).Where(i => !flagged.Contains(FieldNames.VariableOf(i.Column))));
        foreach (var issue in issues.Where(i => i.IsError)) Add(errors, FieldNames.VariableOf(issue.Column), issue.Message);
        foreach (var (field, message) in Dependants.Errors(record).Where(e => !dependantErrorsBefore.ContainsKey(e.Key)))
            Add(errors, field, message);

        var reason = Blank(input.Reason) ? request.HeaderReason?.Trim() : input.Reason!.Trim();
        if (!request.IsNew && Blank(reason) && ReasonForChange.IsRequired(record.CreatedAt, clock.GetUtcNow().UtcDateTime))
            Add(errors, "reason", $"is required: this record is older than {ReasonForChange.RequiredAfter.TotalHours:0} hours; say why it changes (\"reason\" or the X-Change-Reason header)");
        if (errors.Count > 0)
            return new SaveOutcome.Invalid(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));

        var warnings = issues.Where(i => !i.IsError).ToList();
        if (warnings.Count > 0 && !input.ConfirmWarnings)
            return new SaveOutcome.Unconfirmed(new UnconfirmedWarningsProblem
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "The record raises warnings that need confirming",
                Detail = "Nothing was saved. Check the warnings, then send the record again with \"confirm_warnings\": true.",
                Warnings = warnings.GroupBy(w => FieldNames.VariableOf(w.Column)).ToDictionary(g => g.Key, g => g.Select(w => w.Message).ToArray()),
            });

        var key = FieldAccess.Key(record);
        if (request.IsNew && await TakenAsync(record, key, ct)) return Taken(record, key);
        db.AuditReason = Blank(reason) ? null : reason;
        if (request.IsNew) db.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException) when (!request.IsNew)
        {
            // Someone saved between our read and our write: the version check in the UPDATE caught it.
            var current = await db.Entry(record).GetDatabaseValuesAsync(ct);
            var now = current?.GetValue<int>(nameof(RegistryRecord.Version)) ?? record.Version;
            return new SaveOutcome.Stale(await StaleVersion.DescribeAsync(db, record, input.Version!.Value, now, ct));
        }
        catch (DbUpdateException) when (request.IsNew)
        {
            // Two creates of one key at once: the second fails on the primary key.
            if (await TakenAsync(record, key, ct)) return Taken(record, key);
            throw;
        }
        return new SaveOutcome.Saved();
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private Task<bool> TakenAsync(RegistryRecord record, string key, CancellationToken ct) => record switch
    {
        Patient => db.Patients.AnyAsync(p => p.PatientId == key, ct),
        Operation => db.Operations.AnyAsync(o => o.CaseId == key, ct),
        ImagingStudy => db.Imaging.AnyAsync(s => s.ImagingId == key, ct),
        FollowUp => db.FollowUps.AnyAsync(f => f.FollowupId == key, ct),
        Complication => db.Complications.AnyAsync(c => c.ComplicationId == key, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(record), record.GetType().Name, "not a registry form"),
    };

    private static SaveOutcome Taken(RegistryRecord record, string key) =>
        new SaveOutcome.Taken($"{Core.Dictionary.Forms.KeyColumn(FieldAccess.FormOf(record))} {key} is already taken: choose another key");

    private static void Add(Dictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
        list.Add(message);
    }

    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);
}
