using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;
using MvdRegistry.Data.Bulk;

namespace MvdRegistry.Application.Scheduling;

/// <summary>
/// Writes the stored overdue lists: a site's whole list (the daily job, or a page that needs a list not
/// computed yet), and the rows of the operations a save or a delete changes, in that change's transaction.
/// A site's <see cref="OverdueSiteList"/> row is the lock both take (the replacement first, a change after
/// writing its records and before reading its operations' rows), so they take turns.
/// </summary>
public sealed class OverdueListStore(RegistryDbContext db, TimeProvider clock)
{
    /// <summary>Who computed a list the daily job computed.</summary>
    public const string Schedule = "schedule";

    /// <summary>
    /// Replaces <paramref name="site"/>'s list by the operations overdue today, in one transaction.
    /// </summary>
    /// <returns>The number of overdue operations stored.</returns>
    public async Task<int> ReplaceSiteAsync(string site, string computedBy, long? runId, CancellationToken ct)
    {
        var today = Today.Of(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var locked = await db.OverdueSiteLists.Where(l => l.SiteCode == site)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ComputedAt, now), ct);
        if (locked == 0)
        {
            db.OverdueSiteLists.Add(new OverdueSiteList { SiteCode = site, AsOf = today, ComputedAt = now, ComputedBy = computedBy });
            try
            {
                await SaveDetachedAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another request computed the site's first list at this very moment: start again, after it.
                await transaction.RollbackAsync(ct);
                Detach();
                return await ReplaceSiteAsync(site, computedBy, runId, ct);
            }
        }

        // The site's rows, and any row of an operation now at this site that is still stored under another.
        await db.OverdueOperations.Where(r => r.SiteCode == site || r.Operation!.Patient!.SiteCode == site).ExecuteDeleteAsync(ct);
        var rows = await OverdueRows.ComputeAsync(db.Operations.Where(o => o.Patient!.SiteCode == site), today, now, ct);
        await BulkInserter.InsertAsync(db, rows, ct);
        await db.OverdueSiteLists.Where(l => l.SiteCode == site).ExecuteUpdateAsync(s => s
            .SetProperty(l => l.AsOf, today)
            .SetProperty(l => l.ComputedAt, now)
            .SetProperty(l => l.ComputedBy, computedBy)
            .SetProperty(l => l.RunId, runId)
            .SetProperty(l => l.UpdatedAt, (DateTime?)null), ct);
        await transaction.CommitAsync(ct);
        // The whole list rewritten: PostgreSQL's planner would otherwise take the table for a few rows until autovacuum's next pass.
        await PlannerStatistics.RefreshAsync(db, [typeof(OverdueOperation), typeof(OverdueSiteList)], ct);
        return rows.Count;
    }

    /// <summary>The operations a change of <paramref name="records"/> may take on or off the overdue list.</summary>
    public async Task<OverdueChange> ChangeOfAsync(IEnumerable<RegistryRecord> records, CancellationToken ct)
    {
        var cases = new HashSet<string>(StringComparer.Ordinal);
        var sites = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            switch (record)
            {
                case Patient p:
                    var id = p.PatientId;
                    cases.UnionWith(await db.Operations.Where(o => o.PatientId == id).Select(o => o.CaseId).ToListAsync(ct));
                    if (p.SiteCode is { } site) sites.Add(site);
                    break;
                case Operation o:
                    cases.Add(o.CaseId);
                    if (o.Patient?.SiteCode is { } operationSite) sites.Add(operationSite);
                    break;
                case FollowUp f:
                    cases.Add(f.CaseId);
                    break;
                case Complication c:
                    cases.Add(c.CaseId);
                    break;
            }
        }
        if (cases.Count == 1)
        {
            // One operation, the usual save: an equality the database's statement cache keeps (a list
            // parameter is expanded into new SQL on every call).
            var id = cases.First();
            sites.UnionWith(await db.Operations.Where(o => o.CaseId == id).Select(o => o.Patient!.SiteCode!).ToListAsync(ct));
        }
        else if (cases.Count > 1)
        {
            var ids = cases.ToList();
            sites.UnionWith(await db.Operations.Where(o => ids.Contains(o.CaseId)).Select(o => o.Patient!.SiteCode!).ToListAsync(ct));
        }
        return new OverdueChange(cases, sites);
    }

    /// <summary>
    /// After the change is written, in its transaction: takes the lock of the stored lists of the sites it
    /// touches (so that a whole-site replacement running meanwhile waits or is waited for), then writes the
    /// rows of its operations as they now are, for the sites whose list is stored (a site without one gets its
    /// whole list when first needed). The lock is taken last, and in one command with the removal of the
    /// operations' rows and the read of what decides them, so that saves of one site hold it for that command,
    /// the insert of the rows still overdue and the commit (on PostgreSQL, two or three round trips instead of
    /// seven when the lock was taken first). The read is a statement after the lock: it sees the change, and
    /// whatever a replacement or another save of the site committed before the lock was granted.
    /// </summary>
    public async Task WriteAsync(OverdueChange change, CancellationToken ct)
    {
        if (change.Cases.Count == 0) return;
        var today = Today.Of(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var listed = db.OverdueSiteLists.Select(l => l.SiteCode);
        IQueryable<Operation> operations;
        if (change.Cases.Count == 1)
        {
            // One operation, the usual save: an equality the database's statement cache keeps.
            var id = change.Cases.First();
            operations = db.Operations.Where(o => o.CaseId == id && listed.Contains(o.Patient!.SiteCode!));
        }
        else
        {
            var ids = change.Cases.ToList();
            operations = db.Operations.Where(o => ids.Contains(o.CaseId) && listed.Contains(o.Patient!.SiteCode!));
        }

        await using var command = OverdueRows.Candidates(operations, today).CreateDbCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("a change's overdue rows are written in its transaction");
        command.CommandText = OverdueLocks.LockAndClear(db, command, change, now) + command.CommandText;
        var found = new List<OverdueCandidate>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
                found.Add(new OverdueCandidate(reader.GetString(0), reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetFieldValue<DateOnly>(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<DateOnly>(5)));
        }
        // Written with statements, as the whole-site list is: a SaveChanges here would run change
        // detection and the audit over everything the save tracks, a second time.
        var rows = OverdueRows.Decide(found, today, now);
        if (rows.Count > 0) await BulkInserter.InsertAsync(db, rows, ct);
    }

    /// <summary>Saves the list's rows and stops tracking them: they are written with statements, not tracked.</summary>
    private async Task SaveDetachedAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        Detach();
    }

    private void Detach()
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is OverdueOperation or OverdueSiteList).ToList())
            entry.State = EntityState.Detached;
    }
}

/// <summary>The operations a save or a delete may take on or off the overdue list, and their sites.</summary>
public sealed record OverdueChange(IReadOnlySet<string> Cases, IReadOnlySet<string> Sites);
