using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Application.Saving;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;
using MvdRegistry.Web.Entry;

namespace MvdRegistry.Web.Pages.Cases;

/// <summary>One audit row as the case page lists it.</summary>
public sealed record HistoryRow(
    DateTime At, string User, string Record, AuditAction Action, string? Field, string? Old, string? New, string? Reason,
    IReadOnlyList<(string Label, string Value)> Values);

/// <summary>
/// The audit trail of an operation, its patient and every record beneath it, those deleted included:
/// who changed what, when and why.
/// </summary>
public static class CaseHistory
{
    public const int Limit = 500;

    public static async Task<IReadOnlyList<HistoryRow>> LoadAsync(RegistryDbContext db, Operation operation, CancellationToken ct)
    {
        var (patientId, caseId) = (operation.PatientId, operation.CaseId);
        var deleted = await DeletedBeneathAsync(db, caseId, ct);
        var imaging = operation.Imaging.Select(i => i.ImagingId).Concat(deleted[Forms.Imaging]).ToList();
        var visits = operation.FollowUps.Select(f => f.FollowupId).Concat(deleted[Forms.FollowUp]).ToList();
        var complications = operation.Complications.Select(c => c.ComplicationId).Concat(deleted[Forms.Complication]).ToList();
        var rows = await db.AuditLog.AsNoTracking()
            .Where(a => (a.Entity == Forms.Patient && a.Key == patientId)
                || (a.Entity == Forms.Case && a.Key == caseId)
                || (a.Entity == Forms.Imaging && imaging.Contains(a.Key))
                || (a.Entity == Forms.FollowUp && visits.Contains(a.Key))
                || (a.Entity == Forms.Complication && complications.Contains(a.Key)))
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(Limit)
            .ToListAsync(ct);
        return rows.Select(Describe).ToList();
    }

    /// <summary>
    /// The keys of the records once beneath the operation and deleted since, by form: their delete rows
    /// hold their values, the operation's key among them. Keys are never given again (KeyGenerator), so
    /// their other rows are theirs.
    /// </summary>
    private static async Task<ILookup<string, string>> DeletedBeneathAsync(RegistryDbContext db, string caseId, CancellationToken ct)
    {
        var parent = JsonSerializer.Serialize(new Dictionary<string, string> { ["case_id"] = caseId })[1..^1];
        var rows = await db.AuditLog.AsNoTracking()
            .Where(a => a.Action == AuditAction.Delete
                && (a.Entity == Forms.Imaging || a.Entity == Forms.FollowUp || a.Entity == Forms.Complication)
                && a.OldValue!.Contains(parent))
            .Select(a => new { a.Entity, a.Key })
            .ToListAsync(ct);
        return rows.ToLookup(r => r.Entity, r => r.Key);
    }

    private static HistoryRow Describe(AuditEntry a)
    {
        var variable = a.Field is null ? null : DataDictionary.Instance.Find(a.Entity, a.Field);
        string? Shown(string? value) => variable is null ? value : Display.Stored(variable, value);
        return new HistoryRow(
            a.At, a.User, $"{FormTitles.Of(a.Entity)} {a.Key}", a.Action,
            variable?.Label ?? a.Field, Shown(a.OldValue), Shown(a.NewValue), a.Reason,
            a.Action == AuditAction.Update ? [] : Values(a.Entity, a.Action == AuditAction.Insert ? a.NewValue : a.OldValue));
    }

    /// <summary>An insert (or delete) row holds every value as one JSON object: listed in dictionary order.</summary>
    private static IReadOnlyList<(string, string)> Values(string form, string? json)
    {
        if (json is null) return [];
        Dictionary<string, string>? values;
        try
        {
            values = JsonSerializer.Deserialize<Dictionary<string, string>>(json);
        }
        catch (JsonException)
        {
            return [("", json)];
        }
        if (values is null || DataDictionary.Instance.Variables.All(v => v.Form != form)) return [];
        return DataDictionary.Instance.Form(form)
            .Where(v => values.ContainsKey(v.Name))
            .Select(v => (v.Label, Display.Stored(v, values[v.Name])))
            .ToList();
    }
}
