using System.Globalization;
using System.Text.RegularExpressions;
using MvdRegistry.Core.Dictionary;

namespace MvdRegistry.Core.Records;

/// <summary>
/// What a raw value may not hold, whatever path it comes by (bundle, page, API): control and invisible
/// format characters in any value; anything but a key's syntax in keys and codes; a leading character
/// that would make a spreadsheet run a text value as a formula.
/// </summary>
public static partial class TextRules
{
    public const int MaxKeyLength = 32;

    /// <summary>The longest text value the dictionary allows (the database column's size).</summary>
    public const int MaxTextLength = 200;

    /// <summary>Characters that start a formula in a spreadsheet (tab and carriage return are refused anywhere as control characters).</summary>
    public const string FormulaPrefixes = "=+-@\t\r";

    /// <summary>Keys, and the site and surgeon codes (text variables named *_code), follow the key syntax.</summary>
    public static bool IsKeyLike(Variable variable) =>
        variable.Type == VariableType.Id || (variable.Type == VariableType.Text && variable.Name.EndsWith("_code", StringComparison.Ordinal));

    /// <summary>C0 controls, DEL, zero-width and direction marks, bidirectional embeddings and isolates.</summary>
    public static bool IsForbidden(char c) =>
        c is <= '\u001F' or '\u007F' or (>= '\u200B' and <= '\u200F') or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>Why the raw value cannot be stored because of a character in it, or null.</summary>
    public static string? ForbiddenCharacter(string raw)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            if (IsForbidden(raw[i]))
                return $"holds an invisible or control character ({Describe(raw[i])}) at position {i + 1}: type the value again without it";
        }
        return null;
    }

    /// <summary>1 to 32 ASCII letters, digits, '-', '_' or '.', beginning with a letter or a digit.</summary>
    public static bool IsKey(string value) => KeySyntax().IsMatch(value);

    public static string KeyRule => $"1 to {MaxKeyLength} letters A-Z, digits, '-', '_' or '.', beginning with a letter or a digit";

    public static bool StartsLikeFormula(string value) => value.Length > 0 && FormulaPrefixes.Contains(value[0], StringComparison.Ordinal);

    public static string FormulaRule => "a text value may not begin with =, +, - or @ (a spreadsheet would run it as a formula)";

    /// <summary>A value for a message: at most 40 characters of it.</summary>
    public static string Show(string value) => value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), "…");

    private static string Describe(char c) => "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + c switch
    {
        '\t' => " tab",
        '\n' => " line feed",
        '\r' => " carriage return",
        _ => "",
    };

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,31}\z")]
    private static partial Regex KeySyntax();
}
