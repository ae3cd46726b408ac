using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Data;

namespace MvdRegistry.Application.Saving;

/// <summary>
/// Keys for records entered without one: the form's letter and a zero-padded number, one past the
/// highest key of that shape (the demo registry's shape, so keys sort in creation order as text).
/// Keys are checked across all sites: they are unique in the registry. A deleted record's key is not
/// given again (its audit rows keep it), so a key names one record in the audit trail for ever.
/// </summary>
public sealed class KeyGenerator(RegistryDbContext db)
{
    private static readonly Dictionary<string, (string Prefix, int Digits)> Shapes = new()
    {
        [Forms.Patient] = ("P", 7),
        [Forms.Case] = ("C", 7),
        [Forms.Imaging] = ("I", 8),
        [Forms.FollowUp] = ("F", 9),
        [Forms.Complication] = ("X", 7),
    };

    public async Task<string> NextAsync(string form, CancellationToken ct = default)
    {
        var (prefix, digits) = Shapes[form];
        var length = prefix.Length + digits;
        var highest = await Keys(form).Where(k => k.StartsWith(prefix) && k.Length == length)
            .OrderByDescending(k => k).FirstOrDefaultAsync(ct);
        var next = highest is not null && long.TryParse(highest[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n + 1 : 1;
        string key;
        // A hand-typed key of the same shape may sit above; step past any that are taken.
        while (await ExistsAsync(form, key = prefix + next.ToString("D" + digits, CultureInfo.InvariantCulture), ct)) next++;
        return key;
    }

    public async Task<bool> ExistsAsync(string form, string key, CancellationToken ct = default) =>
        await Keys(form).AnyAsync(k => k == key, ct) || await db.AuditLog.AnyAsync(a => a.Entity == form && a.Key == key, ct);

    private IQueryable<string> Keys(string form) => form switch
    {
        Forms.Patient => db.Patients.Select(p => p.PatientId),
        Forms.Case => db.Operations.Select(o => o.CaseId),
        Forms.Imaging => db.Imaging.Select(i => i.ImagingId),
        Forms.FollowUp => db.FollowUps.Select(f => f.FollowupId),
        Forms.Complication => db.Complications.Select(c => c.ComplicationId),
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, "unknown form"),
    };
}
