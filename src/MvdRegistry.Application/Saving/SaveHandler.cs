using Microsoft.EntityFrameworkCore;
using MvdRegistry.Application.Scheduling;
using MvdRegistry.Application.Users;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;
using MvdRegistry.Core.Validation;
using MvdRegistry.Data;

namespace MvdRegistry.Application.Saving;

/// <summary>
/// The one way a page, an endpoint or a job changes a record. A stale version is refused; the columns
/// are read with the Core's codec (type, code, range) and the record validated in its real context
/// (required, applicability, cross-field); the records linked to it must stay valid; the user may write
/// only their sites' records and name only their sites' surgeons; a patient's MRN is unique in its
/// site; the reason is at most <see cref="ReasonMaxLength"/> characters and required for a change to a
/// record older than a day; warnings need confirming; a new key must be free. Then one SaveChanges
/// (audited in the same transaction), or nothing is written. In the same transaction the stored overdue
/// list keeps the operations the change touches current (<see cref="OverdueListStore"/>): a visit
/// entered takes its operation off the list at once. On SQLite the saves of this process take turns
/// to write (<see cref="SqliteWriters"/>) instead of meeting the database's lock.
/// </summary>
public sealed class SaveHandler(RegistryDbContext db, IActingUser user, TimeProvider clock, KeyGenerator keys, OverdueListStore overdue)
{
    public const int ReasonMaxLength = 1000;

    /// <summary>A change to an existing record (a save or a delete) without the version its caller read.</summary>
    public const string VersionRequired = "is required: send the version you read, so that nobody else's change is overwritten";

    /// <summary>The rule every reason keeps, for saves and deletes: at most <see cref="ReasonMaxLength"/> characters.</summary>
    public static FieldIssue? ReasonTooLong(string? reason) => reason is { Length: > ReasonMaxLength }
        ? new FieldIssue("reason", $"is {reason.Length} characters long: at most {ReasonMaxLength} are kept in the audit trail")
        : null;

    public DateOnly Today => Scheduling.Today.Of(clock);

    public bool NeedsReason(RegistryRecord record) => ReasonForChange.IsRequired(record.CreatedAt, clock.GetUtcNow().UtcDateTime);

    public async Task<SaveOutcome> SaveAsync(SaveCommand command, CancellationToken ct = default)
    {
        var record = command.Record;
        var form = FieldAccess.FormOf(record);
        var parts = command.With is { } with ? new[] { with, command } : [command];
        if (parts.Any(p => p != command && !p.IsNew)) throw new ArgumentException("only a new record is saved with another", nameof(command));

        var issues = new List<FormIssue>();
        if (!command.IsNew)
        {
            if (command.Version is not { } version)
                issues.Add(new(form, new("version", VersionRequired)));
            else if (version != record.Version)
                return new SaveOutcome.Stale(version, record.Version, record, await VersionHistory.SinceAsync(db, record, version, ct));
        }

        var linked = LinkedRecords.Errors(LinkedRecords.Of(parts.Select(p => p.Record).ToList()));
        foreach (var part in parts)
            issues.AddRange((await CheckAsync(part, ct)).Select(i => new FormIssue(FieldAccess.FormOf(part.Record), i)));
        var linkedIssues = LinkedRecords.NewErrors(linked).ToList();

        var reason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim();
        if (ReasonTooLong(reason) is { } tooLong)
            issues.Add(new(form, tooLong));
        else if (!command.IsNew && reason is null && NeedsReason(record) && db.ChangeTracker.HasChanges())
            issues.Add(new(form, new("reason", $"is required: this record is older than {ReasonForChange.RequiredAfter.TotalHours:0} hours; give a reason for the change (it is kept in the audit trail)")));

        var invalid = new SaveOutcome.Invalid(issues, linkedIssues);
        if (issues.Any(i => i.Issue.IsError) || linkedIssues.Count > 0 || !command.Confirmation.Covers(invalid.Warnings)) return invalid;

        if (await TakenAsync(parts, ct) is { } taken) return taken;
        var change = await overdue.ChangeOfAsync(parts.Select(p => p.Record), ct);
        foreach (var part in parts.Where(p => p.IsNew)) db.Add(part.Record);
        db.AuditReason = reason;
        var ownTransaction = db.Database.CurrentTransaction is null;
        using var turn = ownTransaction ? await SqliteWriters.TurnAsync(db, ct) : null;
        await using var transaction = ownTransaction ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            await db.SaveChangesAsync(ct);
            await overdue.WriteAsync(change, ct);
            if (transaction is not null) await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException) when (!command.IsNew)
        {
            // Someone saved between this read and this write: the version check in the UPDATE caught it.
            if (transaction is not null) await transaction.RollbackAsync(ct);
            var latest = await db.Entry(record).GetDatabaseValuesAsync(ct);
            var now = latest is null ? null : (RegistryRecord)latest.ToObject();
            return new SaveOutcome.Stale(command.Version!.Value, now?.Version ?? record.Version, now, await VersionHistory.SinceAsync(db, record, command.Version.Value, ct));
        }
        catch (DbUpdateException) when (parts.Any(p => p.IsNew))
        {
            // Two creates of one key at once: the second fails on the primary key.
            if (transaction is not null) await transaction.RollbackAsync(ct);
            if (await TakenAsync(parts, ct) is { } raced) return raced;
            throw;
        }
        return new SaveOutcome.Saved();
    }

    /// <summary>The first new record whose key another record already holds, or null.</summary>
    private async Task<SaveOutcome.KeyTaken?> TakenAsync(IEnumerable<SaveCommand> parts, CancellationToken ct)
    {
        foreach (var part in parts.Where(p => p.IsNew))
        {
            var form = FieldAccess.FormOf(part.Record);
            if (await keys.ExistsAsync(form, FieldAccess.Key(part.Record), ct))
                return new SaveOutcome.KeyTaken(form, Forms.KeyColumn(form), FieldAccess.Key(part.Record));
        }
        return null;
    }

    /// <summary>Reads the columns into the record and checks it: the codec, the Core's rules, then the registry's own.</summary>
    private async Task<List<FieldIssue>> CheckAsync(SaveCommand part, CancellationToken ct)
    {
        var record = part.Record;
        var form = FieldAccess.FormOf(record);
        var issues = new List<FieldIssue>(part.InputIssues);
        var columns = part.Columns.ToDictionary(c => c.Key, c => c.Value);
        foreach (var (column, value) in ParentKeys(record).Concat(part.FixedKeys))
        {
            if (columns.GetValueOrDefault(column)?.Trim() is { Length: > 0 } given && given != value)
                issues.Add(new FieldIssue(column, $"is {value} here and cannot be changed"));
            columns[column] = value;
        }
        var keyColumn = Forms.KeyColumn(form);
        if (part.IsNew && part.GenerateKey && string.IsNullOrWhiteSpace(columns.GetValueOrDefault(keyColumn)))
            columns[keyColumn] = await keys.NextAsync(form, ct);

        var read = RecordCodec.Read(form, columns, record, Today);
        if (part.Stored is { } stored) AnsweredNone.Keep(record, stored, read);
        issues.AddRange(read);
        // A field that could not be read is empty: "is required" beside "is not a number" only confuses.
        var unreadable = issues.Select(i => ColumnNames.VariableOf(i.Column)).ToHashSet();
        issues.AddRange(RecordValidator.Validate(record).Where(i => !unreadable.Contains(ColumnNames.VariableOf(i.Column))));
        issues.AddRange(await RegistryRulesAsync(part, ct));
        return issues;
    }

    /// <summary>A record linked to its parent carries the parent's key, whatever the input says.</summary>
    private static IEnumerable<KeyValuePair<string, string>> ParentKeys(RegistryRecord record) => record switch
    {
        Operation { Patient: { } p } => [new("patient_id", p.PatientId)],
        ImagingStudy { Operation: { } o } => [new("case_id", o.CaseId)],
        FollowUp { Operation: { } o } => [new("case_id", o.CaseId)],
        Complication { Operation: { } o } => [new("case_id", o.CaseId)],
        _ => [],
    };

    /// <summary>What the dictionary cannot say: whose site, whose surgeon, whose MRN.</summary>
    private async Task<IEnumerable<FieldIssue>> RegistryRulesAsync(SaveCommand part, CancellationToken ct)
    {
        var issues = new List<FieldIssue>();
        switch (part.Record)
        {
            case Patient patient:
                var site = patient.SiteCode;
                if (site is not null && !user.MayEditSite(site))
                    issues.Add(new FieldIssue("site_code", $"you may not enter records for site {site}: you enter records for {string.Join(", ", user.Sites.Order(StringComparer.Ordinal))} only"));
                else if (patient.Mrn is { } mrn && site is not null && (part.IsNew || Changed(patient, nameof(Patient.Mrn)) || Changed(patient, nameof(Patient.SiteCode))))
                {
                    var holder = await db.Patients.AsNoTracking()
                        .Where(p => p.SiteCode == site && p.Mrn == mrn && p.PatientId != patient.PatientId)
                        .OrderBy(p => p.PatientId).Select(p => p.PatientId).FirstOrDefaultAsync(ct);
                    if (holder is not null)
                        issues.Add(new FieldIssue("mrn", $"{mrn} is already the MRN of patient {holder} at site {site}: open that patient instead of entering them twice"));
                }
                break;
            case Operation operation:
                if (operation.SurgeonCode is { } code && (part.IsNew || Changed(operation, nameof(Operation.SurgeonCode)))
                    && !await SurgeonChoices.MayChooseAsync(db, user, code, ct))
                    issues.Add(new FieldIssue("surgeon_code", $"{code} is not a surgeon of your sites: choose one from the list, or ask an administrator to add it"));
                break;
        }
        if (SiteOf(part.Record) is { } recordSite && part.Record is not Patient && !user.MayEditSite(recordSite))
            issues.Add(new FieldIssue(part.Record is Operation ? "patient_id" : "case_id", $"you may not enter records for site {recordSite}"));
        return issues;
    }

    private bool Changed(RegistryRecord record, string property)
    {
        var entry = db.Entry(record);
        return entry.State == EntityState.Detached || !Equals(entry.Property(property).OriginalValue, entry.Property(property).CurrentValue);
    }

    private static string? SiteOf(RegistryRecord record) => record switch
    {
        Operation o => o.Patient?.SiteCode,
        ImagingStudy s => s.Operation?.Patient?.SiteCode,
        FollowUp f => f.Operation?.Patient?.SiteCode,
        Complication c => c.Operation?.Patient?.SiteCode,
        _ => null,
    };
}
