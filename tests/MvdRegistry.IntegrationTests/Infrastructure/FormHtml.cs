using System.Net;
using System.Text.RegularExpressions;

namespace MvdRegistry.IntegrationTests.Infrastructure;

/// <summary>A form's fields as a page's HTML shows them to a browser.</summary>
public static partial class FormHtml
{
    /// <summary>The chosen option of list <paramref name="id"/>: the one selected, or the first when none is (as a browser shows it).</summary>
    public static string Chosen(string page, string id)
    {
        var select = Regex.Match(page, $"<select[^>]* id=\"{id}\"[^>]*>(.*?)</select>", RegexOptions.Singleline).Groups[1].Value;
        var options = Option().Matches(select).ToList();
        Assert.NotEmpty(options);
        return options.SingleOrDefault(o => o.Groups[2].Success)?.Groups[1].Value ?? options[0].Groups[1].Value;
    }

    /// <summary>The text in input <paramref name="id"/>; empty when it has no value.</summary>
    public static string Typed(string page, string id) =>
        WebUtility.HtmlDecode(Regex.Match(page, $"<input[^>]* id=\"{id}\"[^>]* value=\"([^\"]*)\"").Groups[1].Value);

    /// <summary>The values of the ticked site boxes (<c>_SiteBoxes</c>), in the page's order, joined by commas.</summary>
    public static string TickedSites(string page) =>
        string.Join(",", TickedSite().Matches(page).Select(m => m.Groups[1].Value));

    /// <summary>
    /// Posts <paramref name="fields"/> (a name may come more than once, as ticked sites do) to <paramref name="path"/> with the
    /// antiforgery token of <paramref name="page"/>, as the page's form does.
    /// </summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string path, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var form = fields.Append(new("__RequestVerificationToken", RegistryWebFactory.AntiforgeryToken(await client.GetStringAsync(page))));
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    /// <summary>The page a post redirected to, as <paramref name="client"/> gets it.</summary>
    public static async Task<string> FollowAsync(HttpClient client, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await client.GetStringAsync(response.Headers.Location);
    }

    [GeneratedRegex("<option value=\"([^\"]*)\"( selected=\"selected\")?")]
    private static partial Regex Option();

    [GeneratedRegex("name=\"sites\" value=\"([^\"]+)\" id=\"site-[^\"]+\" checked=\"checked\"")]
    private static partial Regex TickedSite();
}
