using System.Security.Cryptography;
using System.Text;
using MvdRegistry.Core.Records;

namespace MvdRegistry.Web.Entry;

public static class EntryChecks
{
    /// <summary>
    /// Type, code and range problems, then the Core's rules, leaving out rule messages about a field
    /// that already has a type problem (a field that could not be read is empty, and "is required"
    /// beside "is not a number" only confuses).
    /// </summary>
    public static List<FieldIssue> Merge(IEnumerable<FieldIssue> codec, IEnumerable<FieldIssue> rules)
    {
        var read = codec.ToList();
        var unreadable = read.Select(i => EntryForm.VariableOf(i.Column)).ToHashSet();
        return [.. read, .. rules.Where(r => !unreadable.Contains(EntryForm.VariableOf(r.Column)))];
    }

    /// <summary>
    /// Names the exact warnings a user saw: the confirmation posts it back, and a different set of
    /// warnings (the values changed) needs confirming again.
    /// </summary>
    public static string Fingerprint(IEnumerable<FieldIssue> warnings)
    {
        var text = string.Join('\n', warnings.Select(w => w.Column + ":" + w.Message).Order(StringComparer.Ordinal));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16].ToLowerInvariant();
    }

    /// <summary>Errors block; warnings block until this exact set is confirmed. Fills the state's warnings for the page.</summary>
    public static bool MaySave(IReadOnlyList<FieldIssue> issues, EntryState state, EntryInput input)
    {
        state.Warnings = issues.Where(i => !i.IsError).ToList();
        state.WarningsConfirmed = state.WarningsFingerprint is { } print && input.ConfirmWarnings == print;
        if (issues.Any(i => i.IsError) || state.Errors.Count > 0 || state.ReasonError is not null) return false;
        return state.Warnings.Count == 0 || state.WarningsConfirmed;
    }
}
