using Microsoft.EntityFrameworkCore;
using MvdRegistry.Application.Users;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;

namespace MvdRegistry.Application.Worklists;

/// <summary>
/// A record the user entered, changed or deleted lately, from the audit trail (their own rows only),
/// with the operation it belongs to while it still exists in a site granted to them.
/// </summary>
public sealed record RecentEntry(string Form, string Key, AuditAction Action, DateTime At, string? CaseId, string? PatientId);

public static class RecentEntries
{
    /// <summary>How many of the user's latest audit rows are read to find their latest records (an edit writes a row per field).</summary>
    private const int RowsRead = 200;

    /// <summary>The user's latest audit rows, newest first: read through the <c>(user_name, id)</c> index, not by scanning the trail.</summary>
    public static IQueryable<AuditEntry> LatestRows(RegistryDbContext db, string user) =>
        db.AuditLog.AsNoTracking().Where(a => a.User == user).OrderByDescending(a => a.Id).Take(RowsRead);

    /// <summary>The user's latest <paramref name="count"/> records, the latest change of each, newest first.</summary>
    public static async Task<IReadOnlyList<RecentEntry>> LoadAsync(RegistryDbContext db, IActingUser user, int count, CancellationToken ct = default)
    {
        var rows = await LatestRows(db, user.Name)
            .Select(a => new { a.Entity, a.Key, a.Action, a.At }).ToListAsync(ct);
        var latest = rows.DistinctBy(r => (r.Entity, r.Key)).Take(count).ToList();

        var sites = user.Sites.ToList();
        var operations = db.Operations.AsNoTracking().Where(o => sites.Contains(o.Patient!.SiteCode!));
        var keys = latest.Select(r => r.Key).ToList();
        var caseOf = new Dictionary<(string, string), (string? CaseId, string? PatientId)>();
        foreach (var o in await operations.Where(o => keys.Contains(o.CaseId)).Select(o => new { o.CaseId, o.PatientId }).ToListAsync(ct))
            caseOf[(Forms.Case, o.CaseId)] = (o.CaseId, o.PatientId);
        foreach (var p in await db.Patients.AsNoTracking().Where(p => keys.Contains(p.PatientId) && sites.Contains(p.SiteCode!))
                     .Select(p => new { p.PatientId, CaseId = p.Operations.OrderByDescending(o => o.SurgeryDate).Select(o => o.CaseId).FirstOrDefault() }).ToListAsync(ct))
            caseOf[(Forms.Patient, p.PatientId)] = (p.CaseId, p.PatientId);
        foreach (var i in await db.Imaging.AsNoTracking().Where(i => keys.Contains(i.ImagingId) && operations.Any(o => o.CaseId == i.CaseId))
                     .Select(i => new { i.ImagingId, i.CaseId, i.Operation!.PatientId }).ToListAsync(ct))
            caseOf[(Forms.Imaging, i.ImagingId)] = (i.CaseId, i.PatientId);
        foreach (var f in await db.FollowUps.AsNoTracking().Where(f => keys.Contains(f.FollowupId) && operations.Any(o => o.CaseId == f.CaseId))
                     .Select(f => new { f.FollowupId, f.CaseId, f.Operation!.PatientId }).ToListAsync(ct))
            caseOf[(Forms.FollowUp, f.FollowupId)] = (f.CaseId, f.PatientId);
        foreach (var c in await db.Complications.AsNoTracking().Where(c => keys.Contains(c.ComplicationId) && operations.Any(o => o.CaseId == c.CaseId))
                     .Select(c => new { c.ComplicationId, c.CaseId, c.Operation!.PatientId }).ToListAsync(ct))
            caseOf[(Forms.Complication, c.ComplicationId)] = (c.CaseId, c.PatientId);

        return latest.Select(r =>
        {
            var (caseId, patientId) = caseOf.GetValueOrDefault((r.Entity, r.Key));
            return new RecentEntry(r.Entity, r.Key, r.Action, r.At, caseId, patientId);
        }).ToList();
    }
}
