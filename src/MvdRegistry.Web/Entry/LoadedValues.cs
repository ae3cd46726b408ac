using System.Text.Json;

namespace MvdRegistry.Web.Entry;

/// <summary>A record's values as loaded into a form, carried in a hidden field to tell later what someone else changed.</summary>
public static class LoadedValues
{
    public static string Write(IReadOnlyDictionary<string, string?> values) => JsonSerializer.Serialize(values);

    /// <summary>Null when absent or unreadable (the field is the browser's to send, so it is never trusted for more than a comparison).</summary>
    public static Dictionary<string, string?>? Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string?>>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
