using MvdRegistry.Application.Changes;
using MvdRegistry.Application.Statistics.Snapshots;
using MvdRegistry.Data;

namespace MvdRegistry.Web.Pages.Statistics;

/// <summary>
/// The data's fingerprint (five row counts and the latest audit row) kept between views (a singleton)
/// under the change stamp it was read at (<see cref="ChangeStamp"/>): a view whose stamp is the same
/// reads it instead of counting every form's rows again. Without a stamp (SQL Server) it is read each time.
/// </summary>
public sealed class FingerprintCache
{
    private volatile Kept? _kept;

    private sealed record Kept(string Stamp, DataFingerprint Fingerprint);

    public async Task<DataFingerprint> ReadAsync(RegistryDbContext db, CancellationToken ct)
    {
        var stamp = await ChangeStamp.ReadAsync(db, ct);
        if (stamp is not null && _kept is { } kept && kept.Stamp == stamp) return kept.Fingerprint;
        var fingerprint = await DataFingerprint.ReadAsync(db, ct);
        if (stamp is not null) _kept = new Kept(stamp, fingerprint);
        return fingerprint;
    }
}
