using System.Net;
using System.Text.RegularExpressions;

namespace MvdRegistry.IntegrationTests.Entry;

/// <summary>
/// The entry form of a page (the form marked data-entry) as a browser without scripts would post it:
/// every enabled input, the selected option of each select, ticked radios and checkboxes only, the
/// hidden fields (antiforgery token, row version) included. Tests change a few fields and post it back.
/// </summary>
public sealed partial class HtmlForm
{
    private readonly List<KeyValuePair<string, string>> _fields = [];
    private readonly Dictionary<string, string> _checkboxes = [];

    public IReadOnlyList<KeyValuePair<string, string>> Fields => _fields;

    public string? this[string name] => _fields.LastOrDefault(f => f.Key == name) is { Key: not null } f ? f.Value : null;

    public static HtmlForm Parse(string html)
    {
        var match = EntryForm().Match(html);
        if (!match.Success) throw new InvalidOperationException("the page has no entry form");
        var body = match.Groups[1].Value;
        var form = new HtmlForm();
        foreach (Match input in Input().Matches(body))
        {
            var a = Attributes(input.Groups[1].Value);
            if (a.GetValueOrDefault("name") is not { } name || a.ContainsKey("disabled")) continue;
            var value = a.GetValueOrDefault("value") ?? "";
            switch (a.GetValueOrDefault("type"))
            {
                case "checkbox":
                    form._checkboxes[name] = value;
                    if (a.ContainsKey("checked")) form._fields.Add(new(name, value));
                    break;
                case "radio":
                    if (a.ContainsKey("checked")) form._fields.Add(new(name, value));
                    break;
                case "submit" or "button":
                    break;
                default:
                    form._fields.Add(new(name, value));
                    break;
            }
        }
        foreach (Match select in Select().Matches(body))
        {
            var a = Attributes(select.Groups[1].Value);
            if (a.GetValueOrDefault("name") is not { } name || a.ContainsKey("disabled")) continue;
            var options = Option().Matches(select.Groups[2].Value).Select(o => Attributes(o.Groups[1].Value)).ToList();
            var chosen = options.FirstOrDefault(o => o.ContainsKey("selected")) ?? options.FirstOrDefault();
            form._fields.Add(new(name, chosen?.GetValueOrDefault("value") ?? ""));
        }
        foreach (Match area in TextArea().Matches(body))
        {
            var a = Attributes(area.Groups[1].Value);
            if (a.GetValueOrDefault("name") is { } name && !a.ContainsKey("disabled"))
                form._fields.Add(new(name, WebUtility.HtmlDecode(area.Groups[2].Value)));
        }
        return form;
    }

    public HtmlForm Set(string name, string value)
    {
        Remove(name);
        _fields.Add(new(name, value));
        return this;
    }

    public HtmlForm Remove(string name)
    {
        _fields.RemoveAll(f => f.Key == name);
        return this;
    }

    /// <summary>Ticks a checkbox of the page (it posts the value the page gave it).</summary>
    public HtmlForm Tick(string name) => Set(name, _checkboxes.TryGetValue(name, out var value)
        ? value
        : throw new InvalidOperationException($"the form has no checkbox {name}"));

    public bool HasCheckbox(string name) => _checkboxes.ContainsKey(name);

    public FormUrlEncodedContent Content() => new(_fields);

    private static Dictionary<string, string?> Attributes(string text)
    {
        var attributes = new Dictionary<string, string?>();
        foreach (Match m in Attribute().Matches(text))
            attributes[m.Groups[1].Value] = m.Groups[2].Success ? WebUtility.HtmlDecode(m.Groups[2].Value) : null;
        return attributes;
    }

    [GeneratedRegex(@"<form\b[^>]*\bdata-entry\b[^>]*>(.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex EntryForm();

    [GeneratedRegex(@"<input\b([^>]*)>", RegexOptions.Singleline)]
    private static partial Regex Input();

    [GeneratedRegex(@"<select\b([^>]*)>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex Select();

    [GeneratedRegex(@"<option\b([^>]*)>", RegexOptions.Singleline)]
    private static partial Regex Option();

    [GeneratedRegex(@"<textarea\b([^>]*)>(.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TextArea();

    [GeneratedRegex(@"([\w:-]+)(?:\s*=\s*""([^""]*)"")?")]
    private static partial Regex Attribute();
}
