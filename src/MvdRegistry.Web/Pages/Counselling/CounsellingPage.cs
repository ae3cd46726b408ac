using MvdRegistry.Application.Counselling;
using MvdRegistry.Application.Statistics.Snapshots;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;
using MvdRegistry.Web.Pages.Statistics;

namespace MvdRegistry.Web.Pages.Counselling;

/// <summary>
/// What both counselling pages show: the profile form (posted back to <paramref name="Action"/> by GET),
/// its errors, and the result from the latest statistics snapshot, with whether the data changed after
/// it was computed (its fingerprint, read as /Statistics reads it, through <see cref="FingerprintCache"/>). Operation and Sources are set when the profile
/// came from a case.
/// </summary>
public sealed record CounsellingPage(
    CounsellingInput Input,
    IReadOnlyDictionary<string, string> Errors,
    CounsellingResult? Result,
    bool NoSnapshot,
    string Action,
    Operation? Operation,
    IReadOnlyList<string> Sources,
    bool DataChanged = false)
{
    public static async Task<CounsellingPage> BuildAsync(RegistryDbContext db, FingerprintCache fingerprints, SnapshotValuesCache snapshots, CounsellingInput input, string action,
        Operation? operation, IReadOnlyList<string> sources, CancellationToken ct)
    {
        var none = new Dictionary<string, string>();
        if (input.IsEmpty) return new(input, none, null, !await CounsellingResult.AnySnapshotAsync(db, ct), action, operation, sources);
        var (profile, errors) = CounsellingProfile.Check(input);
        if (profile is null) return new(input, errors, null, false, action, operation, sources);
        var result = await CounsellingResult.LatestAsync(db, snapshots, profile, ct);
        var changed = result is not null && result.Stored.Fingerprint != (await fingerprints.ReadAsync(db, ct)).ToString();
        return new(input, none, result, result is null, action, operation, sources, changed);
    }
}
