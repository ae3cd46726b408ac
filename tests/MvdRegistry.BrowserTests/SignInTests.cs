using static Microsoft.Playwright.Assertions;

namespace MvdRegistry.BrowserTests;

[Collection(RegistryCollection.Name)]
public sealed class SignInTests(RegistryServer server, Browser browser)
{
    [Fact]
    public async Task An_anonymous_visitor_lands_on_the_sign_in_page_listing_the_seeded_users()
    {
        var page = await Pages.OpenAsync(browser, server);
        await using var context = page.Context;

        await page.GotoAsync("/");

        Assert.Contains("/Account/SignIn", page.Url);
        await Expect(page.Locator("button[name=userName][value='researcher']")).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "sign-in");
    }

    [Fact]
    public async Task A_surgeon_signs_in_and_sees_the_registry()
    {
        var page = await Pages.SignInAsync(browser, server, "surgeon.hou");
        await using var context = page.Context;

        await Expect(page.Locator("nav")).ToContainTextAsync("surgeon.hou");
        await Expect(page.Locator("h1")).ToContainTextAsync("MVD Registry");
        await Pages.ScreenshotAsync(page, "home-surgeon");
    }
}
