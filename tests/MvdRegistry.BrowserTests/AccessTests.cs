using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MvdRegistry.BrowserTests;

/// <summary>What a user reaches by typing a URL: roles and site grants hold in the browser too.</summary>
[Collection(RegistryCollection.Name)]
public sealed partial class AccessTests(RegistryServer server, Browser browser)
{
    [Fact]
    public async Task A_researcher_is_denied_the_operations_list_and_a_case_page_and_sees_no_medical_record_number()
    {
        var known = await KnownCase.OfHoustonAsync(browser, server);
        var page = await Pages.SignInAsync(browser, server, "researcher");
        await using var context = page.Context;

        await Expect(page.Locator("nav")).Not.ToContainTextAsync("Operations");
        foreach (var url in new[] { "/Cases", "/Cases/" + known.CaseId })
        {
            await page.GotoAsync(url);
            await Expect(page).ToHaveURLAsync(new Regex("/Account/Denied"));
            await Expect(page.Locator("h1")).ToHaveTextAsync("Not allowed");
            Assert.DoesNotContain(known.Mrn, await page.ContentAsync());
            Assert.DoesNotContain(known.CaseId, await page.Locator("body").InnerTextAsync());
        }
    }

    [Fact]
    public async Task A_researcher_opens_the_statistics_without_any_medical_record_number()
    {
        var page = await Pages.SignInAsync(browser, server, "researcher");
        await using var context = page.Context;

        await page.GetByRole(AriaRole.Link, new() { Name = "Statistics" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/Statistics$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Benefit and risk");
        await Expect(page.Locator("table").First).ToBeVisibleAsync();
        Assert.DoesNotMatch(DemoMrn(), await page.ContentAsync());
        await Pages.ScreenshotAsync(page, "statistics-researcher");
    }

    [Fact]
    public async Task A_surgeon_of_another_site_gets_the_not_found_page_for_a_houston_case_page()
    {
        var known = await KnownCase.OfHoustonAsync(browser, server);
        var page = await Pages.SignInAsync(browser, server, "surgeon.bcn");
        await using var context = page.Context;

        var response = await page.GotoAsync("/Cases/" + known.CaseId);

        Assert.Equal(404, response!.Status);
        Assert.Contains("script-src 'self'", await response.HeaderValueAsync("content-security-policy"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Not found");
        Assert.DoesNotContain(known.Mrn, await page.ContentAsync());
        await Pages.ScreenshotAsync(page, "not-found");

        // The API keeps its own answer for the same record: problem details, not the page.
        var api = await page.Context.APIRequest.GetAsync("/api/operations/" + known.CaseId);
        Assert.Equal(404, api.Status);
        Assert.StartsWith("application/problem+json", api.Headers["content-type"]);
    }

    /// <summary>The demo registry's MRNs: the site code and seven digits.</summary>
    [GeneratedRegex(@"\b[A-Z]{3}\d{7}\b")]
    private static partial Regex DemoMrn();
}
