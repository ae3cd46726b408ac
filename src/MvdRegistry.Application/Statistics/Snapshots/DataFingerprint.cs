using Microsoft.EntityFrameworkCore;
using MvdRegistry.Data;

namespace MvdRegistry.Application.Statistics.Snapshots;

/// <summary>
/// What the data looks like now, in a few numbers: the row count of each form and the id of the
/// latest audit row (every insert, edit and delete writes one). A snapshot whose fingerprint differs
/// from the current one was computed over other data.
/// </summary>
public sealed record DataFingerprint(int Patients, int Operations, int Imaging, int FollowUps, int Complications, long LastChange)
{
    public static async Task<DataFingerprint> ReadAsync(RegistryDbContext db, CancellationToken ct = default) => new(
        await db.Patients.CountAsync(ct),
        await db.Operations.CountAsync(ct),
        await db.Imaging.CountAsync(ct),
        await db.FollowUps.CountAsync(ct),
        await db.Complications.CountAsync(ct),
        await db.AuditLog.MaxAsync(a => (long?)a.Id, ct) ?? 0);

    public override string ToString() =>
        $"patients={Patients};operations={Operations};imaging={Imaging};followups={FollowUps};complications={Complications};last-change={LastChange}";
}
