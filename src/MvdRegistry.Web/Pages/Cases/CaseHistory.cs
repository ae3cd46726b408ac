using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Application.Saving;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;
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
        // Records a bundle import inserted have no insert row of their own: the import's row stands for it.
        RegistryRecord[] live = [operation.Patient!, operation, .. operation.Imaging, .. operation.FollowUps, .. operation.Complications];
        // Fewer rows than the limit are every row of these records: the attribution reads no more.
        var imported = await ImportAttribution.LoadAsync(db, live, rows.Count < Limit ? rows : null, ct);
        return rows.Select(a => (a.At, a.Id, Row: Describe(a)))
            .Concat(imported.Select(i => (i.Import.At, i.Import.Id, Row: Imported(i))))
            .OrderByDescending(r => r.At).ThenByDescending(r => r.Id)
            .Take(Limit)
            .Select(r => r.Row)
            .ToList();
    }

    /// <summary>The import of one record, as its insert row would show it: who, when, the file (with its SHA-256) and the values imported.</summary>
    private static HistoryRow Imported(ImportOrigin origin)
    {
        var form = FieldAccess.FormOf(origin.Record);
        return new HistoryRow(
            origin.Import.At, origin.Import.User, $"{FormTitles.Of(form)} {FieldAccess.Key(origin.Record)}", AuditAction.Import,
            null, null, null, $"import of {origin.File} (SHA-256 {origin.Sha256})",
            Values(form, origin.Values));
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
            a.Action is AuditAction.Update or AuditAction.Import ? [] : Values(a.Entity, a.Action == AuditAction.Insert ? a.NewValue : a.OldValue));
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
        return values is null ? [] : Values(form, values);
    }

    private static IReadOnlyList<(string, string)> Values(string form, IReadOnlyDictionary<string, string> values)
    {
        if (DataDictionary.Instance.Variables.All(v => v.Form != form)) return [];
        return DataDictionary.Instance.Form(form)
            .Where(v => values.ContainsKey(v.Name))
            .Select(v => (v.Label, Display.Stored(v, values[v.Name])))
            .ToList();
    }
}
