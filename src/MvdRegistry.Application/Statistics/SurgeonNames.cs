using System.Security.Cryptography;
using System.Text;

namespace MvdRegistry.Application.Statistics;

/// <summary>
/// How per-surgeon results name surgeons: real codes for administrators, and for a surgeon their own
/// row; "Surgeon A", "Surgeon B" ... for everyone else. Letters follow a keyed hash of every surgeon
/// code of the registry (not the alphabet, which would give away sites; not only the filtered ones,
/// so a letter stays the same whatever the filters), and the key (Statistics:PseudonymKey) keeps the
/// order from being recomputed by someone who knows the codes.
/// A view filtered by site shows no pseudonymised row at all: a surgeon operates at one site, so their
/// row in a site's view (its pseudonym, or only its counts, matched with the unfiltered view) would
/// tell which pseudonym belongs to which site. Real codes (administrators, one's own row) still show.
/// </summary>
public sealed class SurgeonNames
{
    private readonly Dictionary<string, int> _rank;
    private readonly bool _real;
    private readonly string? _own;
    private readonly bool _siteFiltered;

    public SurgeonNames(IEnumerable<string> allCodes, string key, bool real, string? own, bool siteFiltered = false)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(key));
        _rank = allCodes.Distinct(StringComparer.Ordinal)
            .Select(code => (code, hash: Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(code)))))
            .OrderBy(c => c.hash, StringComparer.Ordinal).ThenBy(c => c.code, StringComparer.Ordinal)
            .Select((c, i) => (c.code, i))
            .ToDictionary(c => c.code, c => c.i, StringComparer.Ordinal);
        _real = real;
        _own = own;
        _siteFiltered = siteFiltered;
    }

    /// <summary>Pseudonymised rows are left out of a view filtered by site.</summary>
    public bool HidesPseudonyms => _siteFiltered && !_real;

    public bool ShowsRealCodes => _real;

    public bool IsOwn(string code) => code == _own;

    public string Name(string code) =>
        _real || code == _own ? code
        : _rank.TryGetValue(code, out var rank) ? "Surgeon " + Letters(rank)
        : "Surgeon (unlisted)";

    /// <summary>Rows in pseudonym order for those who see pseudonyms: the code order would give them away. Without the rows <see cref="HidesPseudonyms"/> leaves out.</summary>
    public IEnumerable<T> Order<T>(IEnumerable<T> rows, Func<T, string> code) =>
        _real ? rows.OrderBy(code, StringComparer.Ordinal)
        : rows.Where(r => !HidesPseudonyms || code(r) == _own).OrderBy(r => _rank.GetValueOrDefault(code(r), int.MaxValue));

    /// <summary>0 → A, 25 → Z, 26 → AA, as spreadsheet columns.</summary>
    public static string Letters(int rank)
    {
        var letters = "";
        for (var n = rank + 1; n > 0; n = (n - 1) / 26) letters = (char)('A' + (n - 1) % 26) + letters;
        return letters;
    }
}
