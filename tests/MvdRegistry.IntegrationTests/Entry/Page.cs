using System.Net;
using System.Text.RegularExpressions;

namespace MvdRegistry.IntegrationTests.Entry;

/// <summary>What the entry tests read off a page.</summary>
public static partial class Page
{
    /// <summary>The block of one field (from its wrapper to the next field's): where its messages must appear.</summary>
    public static string Field(string html, string name)
    {
        var start = html.IndexOf($"id=\"field-{name}\"", StringComparison.Ordinal);
        if (start < 0) throw new InvalidOperationException($"the page has no field {name}");
        var next = NextField().Match(html, start + 10);
        return html[start..(next.Success ? next.Index : html.Length)];
    }

    /// <summary>The text a reader sees: tags dropped, whitespace collapsed.</summary>
    public static string Text(string html) => Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ").Trim();

    /// <summary>The row of the conflict table for one field: its cells' text.</summary>
    public static IReadOnlyList<string> ConflictRow(string html, string name)
    {
        var row = Regex.Match(html, $"<tr data-field=\"{name}\">(.*?)</tr>", RegexOptions.Singleline);
        if (!row.Success) throw new InvalidOperationException($"the conflict table has no row for {name}");
        return Cell().Matches(row.Groups[1].Value).Select(c => Text(c.Groups[1].Value).Trim()).ToList();
    }

    public static async Task<string> HtmlAsync(HttpResponseMessage response) => await response.Content.ReadAsStringAsync();

    public static void AssertRedirect(HttpResponseMessage response, string location)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(location, response.Headers.Location!.ToString().Replace("http://localhost", ""));
    }

    [GeneratedRegex("id=\"field-")]
    private static partial Regex NextField();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex("<td>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();
}
