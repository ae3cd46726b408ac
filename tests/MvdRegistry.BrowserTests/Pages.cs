using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MvdRegistry.BrowserTests;

public static class Pages
{
    /// <summary>
    /// Every wait of a test (locators, navigations) gives up after this long: long enough for the host's slow spells on
    /// the 2-core test machine (a sign-in's redirect once took more than 15 s there, where it takes well under one
    /// second), so that only a page that never comes fails; a passing test does not wait longer.
    /// </summary>
    public const float Timeout = 30_000;

    /// <summary>A fresh browser context (no cookies), waits bounded by <see cref="Timeout"/>.</summary>
    public static async Task<IPage> OpenAsync(Browser browser, RegistryServer server)
    {
        var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl, ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        context.SetDefaultTimeout(Timeout);
        context.SetDefaultNavigationTimeout(Timeout);
        return await context.NewPageAsync();
    }

    /// <summary>A fresh browser context signed in through the sign-in page as <paramref name="userName"/>.</summary>
    public static async Task<IPage> SignInAsync(Browser browser, RegistryServer server, string userName)
    {
        var page = await OpenAsync(browser, server);
        await page.GotoAsync("/Account/SignIn");
        await page.Locator($"button[name=userName][value='{userName}']").ClickAsync();
        // The URL only, not its load event: WaitForURLAsync, when the redirect has already landed, waits for a "load" it can
        // miss: a sign-in failed there at 30 s with the network already idle (2026-12-03; playwright-dotnet #3365 reports
        // the same path). The tests' locators wait for what they need on the page.
        await Expect(page).Not.ToHaveURLAsync(new Regex("/Account/SignIn"));
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.Screenshots, name + ".png"), FullPage = true });
}
