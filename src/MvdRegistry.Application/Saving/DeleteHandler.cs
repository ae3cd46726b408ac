using System.Data;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Application.Scheduling;
using MvdRegistry.Application.Users;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;
using MvdRegistry.Data;

namespace MvdRegistry.Application.Saving;

/// <summary>
/// The one way a page, an endpoint or a job deletes a record, to correct a mistake (a visit entered on
/// the wrong operation). Imaging studies, follow-up visits and complications may be deleted; an
/// operation only once nothing is recorded beneath it, a patient only once they have no operation. A
/// stale version is refused; the reason is required and at most <see cref="SaveHandler.ReasonMaxLength"/>
/// characters; the user deletes only their sites' records. Then one SaveChanges, whose audit row keeps
/// every deleted value with the reason, or nothing is deleted. The records beneath are counted in the
/// database, in the same serializable transaction as the delete, so a visit added meanwhile cannot be
/// removed with its operation unseen (the foreign keys of the records beneath an operation cascade).
/// In the same transaction the stored overdue list keeps the operation current (<see cref="OverdueListStore"/>):
/// a visit deleted may put it back on the list, an operation deleted leaves it. On PostgreSQL a save of the same
/// site committing meanwhile may refuse the serializable transaction (40001): the unit of work is then run again,
/// up to <see cref="MaxAttempts"/> times, in a new transaction that counts again what is beneath.
/// </summary>
public sealed class DeleteHandler(RegistryDbContext db, IActingUser user, OverdueListStore overdue)
{
    public async Task<DeleteOutcome> DeleteAsync(DeleteCommand command, CancellationToken ct = default)
    {
        var record = command.Record;
        var (form, key) = (FieldAccess.FormOf(record), FieldAccess.Key(record));
        if (command.Version is { } yours && yours != record.Version)
            return await StaleAsync(record, yours, record, ct);

        var issues = new List<FieldIssue>();
        if (command.Version is null)
            issues.Add(new("version", "The version " + SaveHandler.VersionRequired + "."));
        var reason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim();
        if (reason is null)
            issues.Add(new("reason", $"The reason is required: say why {FormTitles.Of(form).ToLowerInvariant()} {key} is deleted. It is kept in the audit trail with every deleted value."));
        else if (SaveHandler.ReasonTooLong(reason) is { } tooLong)
            issues.Add(new("reason", "The reason " + tooLong.Message + "."));
        var site = await SiteAsync(record, ct);
        if (!user.MayEditSite(site))
            issues.Add(new("site", $"You may not delete records of site {site}: you enter records for {Sites()} only."));

        var change = await overdue.ChangeOfAsync([record], ct);
        using var turn = await SqliteWriters.TurnAsync(db, ct);
        var audit = db.ChangeTracker.Entries<AuditEntry>().Select(e => e.Entity).ToHashSet();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await DeleteOnceAsync(command, issues, reason, change, ct);
            }
            catch (Exception e) when (attempt < MaxAttempts && SerializationFailure.Is(e))
            {
                // A concurrent change won (PostgreSQL's 40001, e.g. a save of the same site committed while this delete
                // waited for the site's overdue list): nothing of this attempt was kept. Forget what it tracked, start again.
                foreach (var entry in db.ChangeTracker.Entries<AuditEntry>().Where(a => !audit.Contains(a.Entity)).ToList())
                    entry.State = EntityState.Detached;
                db.Entry(record).State = EntityState.Unchanged;
            }
        }
    }

    /// <summary>
    /// Attempts of the delete's unit of work when PostgreSQL refuses its serializable transaction (40001): the delete
    /// counts the records beneath and deletes in one serializable transaction, and a save of the same site that commits
    /// meanwhile (both write the site's stored overdue list) makes it fail though nothing stands in its way.
    /// </summary>
    public const int MaxAttempts = 3;

    private async Task<DeleteOutcome> DeleteOnceAsync(DeleteCommand command, List<FieldIssue> checks, string? reason, OverdueChange change, CancellationToken ct)
    {
        var record = command.Record;
        var issues = new List<FieldIssue>(checks);
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
        if (await BeneathAsync(record, ct) is { } beneath) issues.Add(new("records", beneath));
        if (issues.Count > 0) return new DeleteOutcome.Refused(issues);

        db.Remove(record);
        db.AuditReason = reason;
        try
        {
            await db.SaveChangesAsync(ct);
            await overdue.WriteAsync(change, ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Saved or deleted by someone else between this read and this delete: the version check in the DELETE caught it.
            await transaction.RollbackAsync(ct);
            var latest = await db.Entry(record).GetDatabaseValuesAsync(ct);
            var now = latest is null ? null : (RegistryRecord)latest.ToObject();
            return await StaleAsync(record, command.Version!.Value, now, ct);
        }
        return new DeleteOutcome.Deleted(FieldAccess.FormOf(record), FieldAccess.Key(record));
    }

    /// <summary>What stands in the way of deleting <paramref name="record"/>, named, or null: records beneath an operation, a patient's operations.</summary>
    public async Task<string?> BeneathAsync(RegistryRecord record, CancellationToken ct)
    {
        switch (record)
        {
            case Operation operation:
                var id = operation.CaseId;
                var parts = new List<string>();
                Add(parts, "imaging study", "imaging studies", await db.Imaging.Where(i => i.CaseId == id).Select(i => i.ImagingId).ToListAsync(ct));
                Add(parts, "follow-up visit", "follow-up visits", await db.FollowUps.Where(f => f.CaseId == id).Select(f => f.FollowupId).ToListAsync(ct));
                Add(parts, "complication", "complications", await db.Complications.Where(c => c.CaseId == id).Select(c => c.ComplicationId).ToListAsync(ct));
                return parts.Count == 0 ? null
                    : $"Operation {id} cannot be deleted: it has records beneath it ({string.Join("; ", parts)}). Delete each of them first, with its reason, then the operation.";
            case Patient patient:
                var pid = patient.PatientId;
                var operations = await db.Operations.Where(o => o.PatientId == pid).Select(o => o.CaseId).ToListAsync(ct);
                return operations.Count == 0 ? null
                    : $"Patient {pid} cannot be deleted: they have {Count(operations.Count, "operation", "operations")} ({Keys(operations)}). Delete the operations first, then the patient.";
            default:
                return null;
        }
    }

    private static void Add(List<string> parts, string one, string many, List<string> keys)
    {
        if (keys.Count > 0) parts.Add($"{(keys.Count == 1 ? one : many)} {Keys(keys)}");
    }

    private static string Keys(IEnumerable<string> keys) => string.Join(", ", keys.Order(StringComparer.Ordinal));

    private static string Count(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";

    private string Sites() => user.Sites.Count == 0 ? "no site" : string.Join(", ", user.Sites.Order(StringComparer.Ordinal));

    /// <summary>The record's site as stored, whatever navigation the caller loaded.</summary>
    private Task<string?> SiteAsync(RegistryRecord record, CancellationToken ct)
    {
        var caseId = record switch
        {
            ImagingStudy s => s.CaseId,
            FollowUp f => f.CaseId,
            Complication c => c.CaseId,
            _ => null,
        };
        return record switch
        {
            Patient p => Task.FromResult(p.SiteCode),
            Operation o => db.Patients.Where(p => p.PatientId == o.PatientId).Select(p => p.SiteCode).FirstOrDefaultAsync(ct),
            _ => db.Operations.Where(o => o.CaseId == caseId).Select(o => o.Patient!.SiteCode).FirstOrDefaultAsync(ct),
        };
    }

    private async Task<DeleteOutcome> StaleAsync(RegistryRecord record, int yours, RegistryRecord? now, CancellationToken ct) =>
        new DeleteOutcome.Stale(new SaveOutcome.Stale(yours, now?.Version ?? record.Version, now, await VersionHistory.SinceAsync(db, record, yours, ct)));
}
