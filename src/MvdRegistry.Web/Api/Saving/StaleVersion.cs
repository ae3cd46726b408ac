using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;
using MvdRegistry.Data;
using MvdRegistry.Web.Api.Problems;

namespace MvdRegistry.Web.Api.Saving;

/// <summary>
/// Says what changed since the version a client read. Every save that changes a record bumps its
/// version by one and writes its audit rows with one timestamp, so the record's update rows grouped by
/// time are its versions: version 1 is the insert, the first group made version 2, and so on.
/// </summary>
public static class StaleVersion
{
    public static async Task<StaleVersionProblem> DescribeAsync(RegistryDbContext db, RegistryRecord record, int yours, int current, CancellationToken ct)
    {
        var form = FieldAccess.FormOf(record);
        var key = FieldAccess.Key(record);
        var rows = await db.AuditLog.AsNoTracking()
            .Where(a => a.Entity == form && a.Key == key && a.Action == AuditAction.Update)
            .OrderBy(a => a.Id)
            .ToListAsync(ct);
        var changes = rows.GroupBy(a => a.At).OrderBy(g => g.Key).Skip(Math.Max(yours - 1, 0)).SelectMany(g => g)
            .Select(a => new FieldChange(a.Field ?? "", a.OldValue, a.NewValue, a.User, DateTime.SpecifyKind(a.At, DateTimeKind.Utc), a.Reason))
            .ToList();
        var fields = string.Join(", ", changes.Select(c => c.Field).Distinct());
        var users = string.Join(", ", changes.Select(c => c.User).Distinct());
        return new StaleVersionProblem
        {
            Status = StatusCodes.Status409Conflict,
            Title = "The record was changed by someone else",
            Detail = $"{Forms.KeyColumn(form)} {key} is at version {current}, not {yours}" +
                (changes.Count > 0 ? $": {fields} changed since (by {users})" : "") +
                $". Nothing was saved: read it again, re-apply your change and send version {current}.",
            CurrentVersion = current,
            YourVersion = yours,
            Changes = changes,
        };
    }
}
