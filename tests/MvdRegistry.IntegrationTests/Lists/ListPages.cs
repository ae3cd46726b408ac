using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.IntegrationTests.Infrastructure;
using MvdRegistry.Reporting.Demo;

namespace MvdRegistry.IntegrationTests.Lists;

/// <summary>Reads the lists as a user reads them: the count above the table and the operation links in it.</summary>
public static partial class ListPages
{
    public static int Count(string html) =>
        int.Parse(ResultCount().Match(html).Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    /// <summary>The operations linked from the table, in page order.</summary>
    public static List<string> CaseIds(string html) => CaseLink().Matches(html).Select(m => m.Groups[1].Value).ToList();

    /// <summary>Every operation of a paged list, page after page, as the page links lead.</summary>
    public static async Task<List<string>> AllCaseIdsAsync(HttpClient client, string path, int pageSize)
    {
        var first = await client.GetStringAsync(path);
        var ids = CaseIds(first);
        var pages = (Count(first) + pageSize - 1) / pageSize;
        var separator = path.Contains('?') ? "&" : "?";
        for (var page = 2; page <= pages; page++)
            ids.AddRange(CaseIds(await client.GetStringAsync($"{path}{separator}p={page}")));
        return ids;
    }

    /// <summary>The page's text as shown, entities decoded (Razor encodes "–" as &amp;#x2013;).</summary>
    public static string Text(string html) => WebUtility.HtmlDecode(html);

    /// <summary>The table row that links to the operation <paramref name="caseId"/>, decoded.</summary>
    public static string Row(string html, string caseId) => Text(System.Text.RegularExpressions.Regex.Match(html,
        $@"<tr>(?:(?!</tr>).)*href=""/Cases/{System.Text.RegularExpressions.Regex.Escape(caseId)}""(?:(?!</tr>).)*</tr>",
        System.Text.RegularExpressions.RegexOptions.Singleline).Value);

    /// <summary>The reference registry (../shared/reference/registry-small) and the demo users, imported once per database.</summary>
    public static async Task ImportReferenceOnceAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        if (await db.Patients.AnyAsync()) return;
        var outcome = await CliRun.RunAsync(database.Configuration, "import", Paths.ReferenceSmall);
        if (outcome.ExitCode != 0) throw new InvalidOperationException("the reference registry did not import: " + outcome.Error);
        await DemoUsers.SeedAsync(db);
    }

    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetStringAsync(path);
        var form = fields.Append(new("__RequestVerificationToken", RegistryWebFactory.AntiforgeryToken(page)));
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("id=\"result-count\">\\s*([\\d,]+)")]
    private static partial Regex ResultCount();

    [GeneratedRegex("<td><a href=\"/Cases/([^\"/]+)\">")]
    private static partial Regex CaseLink();
}
