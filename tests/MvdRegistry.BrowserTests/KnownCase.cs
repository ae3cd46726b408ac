using Microsoft.Playwright;

namespace MvdRegistry.BrowserTests;

/// <summary>An operation of the demo registry at Houston, as its own surgeon sees it on the operations list.</summary>
public sealed record KnownCase(string CaseId, string Mrn)
{
    public static async Task<KnownCase> OfHoustonAsync(Browser browser, RegistryServer server)
    {
        var page = await Pages.SignInAsync(browser, server, "surgeon.hou");
        await using var context = page.Context;
        await page.GotoAsync("/Cases?site=HOU");
        // Not one entered by another browser test: only the demo data's keys.
        var row = page.Locator("table.case-list tbody tr").Filter(new() { HasNotText = "BT-" }).First;
        var caseId = (await row.Locator("td").Nth(0).InnerTextAsync()).Trim();
        var mrn = (await row.Locator("td").Nth(2).InnerTextAsync()).Trim();
        Assert.StartsWith("HOU", mrn); // the demo data's Houston MRNs; a cell shift would show here
        return new KnownCase(caseId, mrn);
    }
}
