namespace MvdRegistry.Web.Entry;

/// <summary>What every entry form posts besides the dictionary's columns.</summary>
public sealed record EntryInput(int? RowVersion, string? LoadedValues, string? ChangeReason, string? ConfirmWarnings)
{
    public const string RowVersionField = "row_version";
    public const string LoadedValuesField = "loaded_values";
    public const string ChangeReasonField = "change_reason";
    public const string ConfirmWarningsField = "confirm_warnings";

    public static EntryInput From(IFormCollection form) => new(
        int.TryParse(FormPost.Value(form, RowVersionField), out var version) ? version : null,
        NullIfBlank(FormPost.Value(form, LoadedValuesField)),
        NullIfBlank(FormPost.Value(form, ChangeReasonField)),
        NullIfBlank(FormPost.Value(form, ConfirmWarningsField)));

    private static string? NullIfBlank(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
