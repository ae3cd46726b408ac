using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MvdRegistry.BrowserTests;

/// <summary>The lists a surgeon and an administrator work from.</summary>
[Collection(RegistryCollection.Name)]
public sealed class WorkingListTests(RegistryServer server, Browser browser)
{
    [Fact]
    public async Task A_surgeon_sees_the_overdue_follow_ups_of_their_sites_with_a_link_to_record_the_visit()
    {
        var page = await Pages.SignInAsync(browser, server, "surgeon.hou");
        await using var context = page.Context;

        await page.GetByRole(AriaRole.Link, new() { Name = "My overdue follow-ups" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { NameString = "All operations of my sites" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Overdue follow-ups");
        var rows = page.Locator("table.overdue-list tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();
        foreach (var site in await rows.Locator("td:nth-child(4)").AllInnerTextsAsync())
            Assert.Equal("HOU", site.Trim());
        await Expect(rows.First.Locator("a[href$='/FollowUps/New']")).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "overdue-list");
    }

    [Fact]
    public async Task An_administrator_sees_the_users_with_their_roles_and_sites()
    {
        var page = await Pages.SignInAsync(browser, server, "admin");
        await using var context = page.Context;

        await page.GetByRole(AriaRole.Link, new() { Name = "Users", Exact = true }).ClickAsync();

        await Expect(page.Locator("h1")).ToContainTextAsync("Users");
        var researcher = page.Locator("tr", new() { HasText = "researcher" });
        await Expect(researcher).ToContainTextAsync("Researcher");
        await Expect(page.Locator("tr", new() { HasText = "surgeon.hou" })).ToContainTextAsync("HOU");
        await Pages.ScreenshotAsync(page, "admin-users");
    }
}
