using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;
using MvdRegistry.Data;

namespace MvdRegistry.Application.Saving;

/// <summary>
/// What changed since the version a caller read. Every save that changes a record bumps its version by
/// one and writes its audit rows with one timestamp, so the record's update rows grouped by time are its
/// versions: version 1 is the insert, the first group made version 2, and so on.
/// </summary>
public static class VersionHistory
{
    public static async Task<List<VersionChange>> SinceAsync(RegistryDbContext db, RegistryRecord record, int yours, CancellationToken ct)
    {
        var form = FieldAccess.FormOf(record);
        var key = FieldAccess.Key(record);
        var rows = await db.AuditLog.AsNoTracking()
            .Where(a => a.Entity == form && a.Key == key && a.Action == AuditAction.Update)
            .OrderBy(a => a.Id)
            .ToListAsync(ct);
        return rows.GroupBy(a => a.At).OrderBy(g => g.Key).Skip(Math.Max(yours - 1, 0)).SelectMany(g => g)
            .Select(a => new VersionChange(a.Field ?? "", a.OldValue, a.NewValue, a.User, DateTime.SpecifyKind(a.At, DateTimeKind.Utc), a.Reason))
            .ToList();
    }
}
