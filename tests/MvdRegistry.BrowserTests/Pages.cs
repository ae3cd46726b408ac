using Microsoft.Playwright;

namespace MvdRegistry.BrowserTests;

public static class Pages
{
    /// <summary>A fresh browser context (no cookies) signed in through the sign-in page as <paramref name="userName"/>.</summary>
    public static async Task<IPage> SignInAsync(Browser browser, RegistryServer server, string userName)
    {
        var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl, ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await page.Locator($"button[name=userName][value='{userName}']").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/SignIn"));
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.Screenshots, name + ".png"), FullPage = true });
}
