using MvdRegistry.Application.Saving;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;

namespace MvdRegistry.Web.Entry;

/// <summary>
/// The "Saved" confirmation after a save: put in TempData by the page that saved and shown once, with
/// role="status", by the page the user lands on (the case page, the patient page, the next new visit).
/// </summary>
public static class SavedMessage
{
    public const string Key = "Saved";

    /// <summary>"Saved follow-up visit F000000001."</summary>
    public static string Of(RegistryRecord record) => Of(FieldAccess.FormOf(record), FieldAccess.Key(record));

    public static string Of(string form, string key) => $"Saved {FormTitles.Of(form).ToLowerInvariant()} {key}.";
}
