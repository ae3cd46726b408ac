using System.Security.Cryptography;
using System.Text;

namespace MvdRegistry.Reporting.Export.Deidentified;

/// <summary>
/// Pseudonyms for one export: HMAC-SHA-256 keyed by the registry's secret (Statistics:PseudonymKey) over
/// a random salt drawn for this export, the kind of key and the key. The same key gets the same
/// pseudonym throughout one export (so sheets join), another in the next (the salt is never written
/// out), and without the secret nobody can recompute one from a known key.
/// A pseudonym is a letter for its kind, a hyphen and 16 lower-case consonants (64 bits): it holds no
/// digit, so it can never contain a registry key, an MRN or a surgeon code, which all do.
/// One export's pseudonyms are made on one thread at a time (the export's reading task): not thread-safe.
/// </summary>
public sealed class Pseudonyms : IDisposable
{
    private const string Alphabet = "bcdfghjkmnpqrstv";
    /// <summary>
    /// The HMAC keyed once and reset after each pseudonym: half the CPU of a one-shot HMAC, which keys it
    /// anew each time (1.2 s against 0.7 s per million, measured alone), over the million keys of a 100,000-patient export.
    /// </summary>
    private readonly IncrementalHash _hmac;
    private readonly byte[] _salt;
    private readonly Dictionary<(string, string), string> _cache = [];

    /// <summary>
    /// The pseudonyms kept for keys that come again soon (an operation's key on its children's rows, which come grouped
    /// by operation; a surgeon code). Kept small on purpose: a kept pseudonym survives the garbage collections
    /// that come while it is kept and is promoted to an older generation. With 10,000 kept, the xlsx export
    /// of 100,000 patients made 49-59 generation-1 collections and 0.84-0.91 s of GC pauses; with 256, 5 and
    /// 0.53-0.54 s (measured 2026-12-03).
    /// </summary>
    public const int Kept = 256;

    /// <summary>Characters in a pseudonym: its kind's letter, a hyphen and 16 consonants.</summary>
    public const int Length = 18;

    public Pseudonyms(string secret, byte[]? salt = null)
    {
        if (string.IsNullOrEmpty(secret)) throw new ArgumentException("the registry's pseudonym secret is empty", nameof(secret));
        _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        _salt = salt ?? RandomNumberGenerator.GetBytes(32);
    }

    /// <param name="kind">The form whose key it is (patient, case ...) or the variable (surgeon_code).</param>
    public string Of(string kind, string value)
    {
        // Surgeon codes repeat on every row; keys repeat on their children's rows. The cache is emptied when
        // full (below), so a million keys do not pile up.
        if (_cache.TryGetValue((kind, value), out var known)) return known;
        // HMAC over salt, kind, NUL and key (UTF-8), hashed from the stack: a million keys a sheet made
        // four arrays and a string builder each.
        var length = _salt.Length + Encoding.UTF8.GetByteCount(kind) + 1 + Encoding.UTF8.GetByteCount(value);
        Span<byte> input = length <= 512 ? stackalloc byte[length] : new byte[length];
        _salt.CopyTo(input);
        var at = _salt.Length + Encoding.UTF8.GetBytes(kind, input[_salt.Length..]);
        input[at++] = 0;
        Encoding.UTF8.GetBytes(value, input[at..]);
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        _hmac.AppendData(input);
        _hmac.GetHashAndReset(hash);
        Span<char> text = stackalloc char[Length];
        text[0] = char.ToUpperInvariant(Prefix(kind));
        text[1] = '-';
        for (var i = 0; i < 8; i++)
        {
            text[2 + 2 * i] = Alphabet[hash[i] >> 4];
            text[3 + 2 * i] = Alphabet[hash[i] & 15];
        }
        var pseudonym = new string(text);
        if (_cache.Count >= Kept) _cache.Clear();
        _cache[(kind, value)] = pseudonym;
        return pseudonym;
    }

    private static char Prefix(string kind) => kind switch
    {
        "complication" => 'x',
        "surgeon_code" => 's',
        _ => kind[0],
    };

    public void Dispose() => _hmac.Dispose();
}
