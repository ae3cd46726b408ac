using MvdRegistry.Reporting.Export.Deidentified;

namespace MvdRegistry.Reporting.Tests.Exports;

public sealed class PseudonymsTests
{
    private const string Secret = "a-test-secret-of-more-than-thirty-two-characters";

    [Fact]
    public void The_same_key_gets_the_same_pseudonym_within_one_export()
    {
        var pseudonyms = new Pseudonyms(Secret);

        Assert.Equal(pseudonyms.Of("patient", "P0700001"), pseudonyms.Of("patient", "P0700001"));
        Assert.NotEqual(pseudonyms.Of("patient", "P0700001"), pseudonyms.Of("patient", "P0700002"));
    }

    [Fact]
    public void Two_exports_draw_two_salts_so_their_pseudonyms_differ()
    {
        Assert.NotEqual(new Pseudonyms(Secret).Of("patient", "P0700001"), new Pseudonyms(Secret).Of("patient", "P0700001"));
    }

    [Fact]
    public void Without_the_secret_the_same_salt_gives_other_pseudonyms()
    {
        var salt = new byte[32];

        Assert.Equal(new Pseudonyms(Secret, salt).Of("case", "C1"), new Pseudonyms(Secret, salt).Of("case", "C1"));
        Assert.NotEqual(new Pseudonyms(Secret, salt).Of("case", "C1"), new Pseudonyms(Secret + "x", salt).Of("case", "C1"));
    }

    [Fact]
    public void A_key_of_one_kind_and_the_same_text_of_another_get_different_pseudonyms()
    {
        var pseudonyms = new Pseudonyms(Secret);

        Assert.NotEqual(pseudonyms.Of("patient", "X1")[2..], pseudonyms.Of("case", "X1")[2..]);
    }

    [Theory]
    [InlineData("patient", 'P')]
    [InlineData("case", 'C')]
    [InlineData("imaging", 'I')]
    [InlineData("followup", 'F')]
    [InlineData("complication", 'X')]
    [InlineData("surgeon_code", 'S')]
    public void A_pseudonym_is_its_kind_s_letter_and_sixteen_consonants_without_a_digit(string kind, char letter)
    {
        var pseudonym = new Pseudonyms(Secret).Of(kind, "HOU-S1");

        Assert.Matches($"^{letter}-[bcdfghjkmnpqrstv]{{16}}$", pseudonym);
    }

    [Fact]
    public void One_export_s_pseudonyms_made_one_after_another_are_each_the_HMAC_of_their_own_key()
    {
        var salt = Enumerable.Range(0, 32).Select(i => (byte)(i * 5)).ToArray();
        using var pseudonyms = new Pseudonyms(Secret, salt);
        // More keys than the cache holds, so that some are hashed again after it is emptied.
        var keys = Enumerable.Range(0, Pseudonyms.Kept * 3 + 50).Select(i => ("followup", $"F{i:D9}")).Append(("case", "C0700001")).Append(("followup", "F000000003")).ToList();

        foreach (var (kind, key) in keys) Assert.Equal(Expected(kind, key, salt), pseudonyms.Of(kind, key));
    }

    private static string Expected(string kind, string key, byte[] salt)
    {
        var hash = System.Security.Cryptography.HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Secret),
            (byte[])[.. salt, .. System.Text.Encoding.UTF8.GetBytes(kind), 0, .. System.Text.Encoding.UTF8.GetBytes(key)]);
        return char.ToUpperInvariant(kind == "surgeon_code" ? 's' : kind == "complication" ? 'x' : kind[0]) + "-"
            + string.Concat(hash.Take(8).Select(b => $"{"bcdfghjkmnpqrstv"[b >> 4]}{"bcdfghjkmnpqrstv"[b & 15]}"));
    }

    [Theory]
    [InlineData("case", "C0700001")]
    [InlineData("surgeon_code", "HOU-S1")]
    [InlineData("patient", "Pé-ü")]
    public void A_pseudonym_is_the_HMAC_SHA_256_of_salt_kind_NUL_and_key_its_first_eight_bytes_as_consonants(string kind, string key)
    {
        var salt = Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray();
        var hash = System.Security.Cryptography.HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Secret),
            (byte[])[.. salt, .. System.Text.Encoding.UTF8.GetBytes(kind), 0, .. System.Text.Encoding.UTF8.GetBytes(key)]);
        var expected = char.ToUpperInvariant(kind == "surgeon_code" ? 's' : kind[0]) + "-"
            + string.Concat(hash.Take(8).Select(b => $"{"bcdfghjkmnpqrstv"[b >> 4]}{"bcdfghjkmnpqrstv"[b & 15]}"));

        Assert.Equal(expected, new Pseudonyms(Secret, salt).Of(kind, key));
    }

    [Fact]
    public void An_empty_secret_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new Pseudonyms(""));
        Assert.Equal("secret", e.ParamName);
        Assert.StartsWith("the registry's pseudonym secret is empty", e.Message);
        Assert.Throws<ArgumentException>(() => new Pseudonyms(null!));
    }
}
