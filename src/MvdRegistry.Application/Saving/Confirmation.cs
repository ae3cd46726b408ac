using System.Security.Cryptography;
using System.Text;
using MvdRegistry.Core.Records;

namespace MvdRegistry.Application.Saving;

/// <summary>
/// Which warnings the caller confirmed: the API's "confirm_warnings": true confirms whatever warnings
/// there are; a page posts back the fingerprint of the exact warnings it showed, so a different set
/// (the values changed) needs confirming again.
/// </summary>
public sealed record Confirmation(bool Everything, string? Fingerprint)
{
    public static readonly Confirmation None = new(false, null);

    public static Confirmation Flag(bool confirmed) => new(confirmed, null);

    public static Confirmation Of(string? fingerprint) => new(false, fingerprint);

    public bool Covers(IReadOnlyList<FieldIssue> warnings) =>
        warnings.Count == 0 || Everything || (Fingerprint is not null && Fingerprint == FingerprintOf(warnings));

    /// <summary>Names a set of warnings: the same text for the same warnings, whatever their order.</summary>
    public static string FingerprintOf(IEnumerable<FieldIssue> warnings)
    {
        var text = string.Join('\n', warnings.Select(w => w.Column + ":" + w.Message).Order(StringComparer.Ordinal));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16].ToLowerInvariant();
    }
}
