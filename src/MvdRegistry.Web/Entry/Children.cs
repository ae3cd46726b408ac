using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;
using MvdRegistry.Data;

namespace MvdRegistry.Web.Entry;

/// <summary>The repeating forms beneath an operation (imaging, follow-up, complication), handled alike.</summary>
public static class Children
{
    public static RegistryRecord New(string form) => (RegistryRecord)Activator.CreateInstance(FieldAccess.EntityType(form))!;

    public static IEnumerable<RegistryRecord> Of(Operation operation, string form) => form switch
    {
        Forms.Imaging => operation.Imaging,
        Forms.FollowUp => operation.FollowUps,
        Forms.Complication => operation.Complications,
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, "not a form beneath an operation"),
    };

    public static RegistryRecord? Find(Operation operation, string form, string key) =>
        Of(operation, form).FirstOrDefault(r => FieldAccess.Key(r) == key);

    /// <summary>
    /// Puts a new record beneath its operation, both ways, so that the rules of the operation's other
    /// records see it (a recorded death, a second visit on one date). It is saved only if the save goes
    /// through; a refused save ends the request with nothing written.
    /// </summary>
    public static void Link(RegistryRecord child, Operation operation)
    {
        switch (child)
        {
            case ImagingStudy s: s.Operation = operation; operation.Imaging.Add(s); break;
            case FollowUp f: f.Operation = operation; operation.FollowUps.Add(f); break;
            case Complication c: c.Operation = operation; operation.Complications.Add(c); break;
        }
    }

    /// <summary>The operation a record belongs to, whatever the user may read: the caller checks that next.</summary>
    public static Task<string?> CaseIdAsync(RegistryDbContext db, string form, string key, CancellationToken ct = default) => form switch
    {
        Forms.Imaging => db.Imaging.Where(i => i.ImagingId == key).Select(i => i.CaseId).FirstOrDefaultAsync(ct),
        Forms.FollowUp => db.FollowUps.Where(f => f.FollowupId == key).Select(f => f.CaseId).FirstOrDefaultAsync(ct),
        Forms.Complication => db.Complications.Where(c => c.ComplicationId == key).Select(c => c.CaseId).FirstOrDefaultAsync(ct),
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, "not a form beneath an operation"),
    };
}
