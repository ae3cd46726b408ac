namespace MvdRegistry.Core.Outcomes;

/// <summary>The dictionary codes the outcome definitions test for.</summary>
public static class Codes
{
    public const string Hfs = "HFS";
    public const string Tn = "TN";
    public const string Gpn = "GPN";

    public const string Yes = "yes";
    public const string No = "no";

    public const string Withdrawn = "withdrawn";
    public const string Male = "M";
    public const string Female = "F";

    public const string Resolved = "resolved";
    public const string Death = "death";
    public const string VertebralArtery = "VA";

    public static bool IsPain(string? indication) => indication is Tn or Gpn;

    /// <summary>HFS statuses that count as a recurrence after resolution.</summary>
    public static bool IsHfsRecurrence(string? status) => status is "partial" or "unchanged" or "worse";

    public static bool IsHfsSuccess(string? status) => status is Resolved or "near_complete";

    public static bool IsPainSuccess(string? bni) => bni is "I" or "II" or "IIIa" or "IIIb";

    /// <summary>Clavien-Dindo IIIa or worse.</summary>
    public static bool IsMajor(string? clavienDindo) => clavienDindo is "IIIa" or "IIIb" or "IVa" or "IVb" or "V";

    /// <summary>Whether a multi-choice value ("AICA|VA") holds a code.</summary>
    public static bool MultiHas(string? multi, string code)
    {
        if (multi is null) return false;
        // Splits without allocating: this runs for every operation and imaging study of a snapshot.
        foreach (var range in multi.AsSpan().Split('|'))
            if (multi.AsSpan(range).SequenceEqual(code)) return true;
        return false;
    }
}
