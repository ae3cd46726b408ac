using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MvdRegistry.BrowserTests;

/// <summary>An administrator schedules a report of two sites on /Reports/Schedule, and finds them ticked when editing it.</summary>
[Collection(RegistryCollection.Name)]
public sealed class ReportScheduleTests(RegistryServer server, Browser browser)
{
    [Fact]
    public async Task An_administrator_schedules_a_report_of_the_sites_ticked_and_sees_them_ticked_again_when_editing_it()
    {
        var page = await Pages.SignInAsync(browser, server, "admin");
        await using var context = page.Context;
        await page.GotoAsync("/Reports/Schedule");
        var name = $"Quarterly BCN and HOU {Guid.NewGuid().ToString("N")[..6]}";
        await page.Locator("#Name").FillAsync(name);
        await page.Locator("#sites").GetByLabel("HOU").CheckAsync();
        await page.Locator("#sites").GetByLabel("BCN").CheckAsync();
        await Pages.ScreenshotAsync(page, "report-schedule");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await page.WaitForURLAsync(url => url.EndsWith("/Reports", StringComparison.Ordinal));
        var row = page.Locator("#report-schedules tbody tr", new() { HasText = name });
        await Expect(row).ToContainTextAsync("All indications · sites BCN, HOU · surgery all dates");
        await Pages.ScreenshotAsync(page, "reports");
        await row.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await Expect(page.Locator("#Name")).ToHaveValueAsync(name);
        await Expect(page.Locator("#sites").GetByLabel("BCN")).ToBeCheckedAsync();
        await Expect(page.Locator("#sites").GetByLabel("HOU")).ToBeCheckedAsync();
        await Expect(page.Locator("#sites").GetByLabel("LYO")).Not.ToBeCheckedAsync();
        await Expect(page.Locator("#sites input[type=checkbox]:checked")).ToHaveCountAsync(2);
    }
}
