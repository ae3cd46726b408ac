using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MvdRegistry.BrowserTests;

/// <summary>The home page each role signs in to: a worklist, not registry-wide counts.</summary>
[Collection(RegistryCollection.Name)]
public sealed class HomePageTests(RegistryServer server, Browser browser)
{
    [Fact]
    public async Task A_surgeon_starts_from_their_worklist_and_adds_an_overdue_visit_from_it()
    {
        var page = await Pages.SignInAsync(browser, server, "surgeon.hou");
        await using var context = page.Context;

        await Expect(page.Locator("#new-operation")).ToHaveTextAsync("New operation");
        var overdue = page.Locator("#overdue table tbody tr");
        await Expect(overdue.First).ToBeVisibleAsync();
        Assert.InRange(await overdue.CountAsync(), 1, 10);
        foreach (var mrn in await overdue.Locator("td:nth-child(2)").AllInnerTextsAsync())
            Assert.StartsWith("HOU", mrn.Trim());
        await Expect(page.Locator("#capture tr[data-site='HOU']")).ToContainTextAsync("%");
        await Expect(page.Locator("#capture")).Not.ToContainTextAsync("BCN");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Patients");
        await Pages.ScreenshotAsync(page, "home-surgeon");

        var caseId = (await overdue.First.Locator("td").First.InnerTextAsync()).Trim();
        await overdue.First.GetByRole(AriaRole.Link, new() { Name = "Add visit" }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("follow-up");
        Assert.EndsWith($"/Cases/{caseId}/FollowUps/New", page.Url);
    }

    [Fact]
    public async Task A_researcher_sees_the_statistics_headline_with_links_to_statistics_and_exports()
    {
        var page = await Pages.SignInAsync(browser, server, "researcher");
        await using var context = page.Context;

        var section = page.Locator("#researcher-headline");
        await Expect(section.GetByRole(AriaRole.Link, new() { Name = "Full results" })).ToHaveAttributeAsync("href", "/Statistics");
        await Expect(section.GetByRole(AriaRole.Link, new() { Name = "Data for analysis (de-identified)" })).ToHaveAttributeAsync("href", "/Exports");
        await Expect(page.Locator("#surgeon-worklist")).ToHaveCountAsync(0);
        await Expect(page.Locator("main")).Not.ToContainTextAsync("HOU0");
        await Pages.ScreenshotAsync(page, "home-researcher");
    }

    [Fact]
    public async Task An_administrator_sees_jobs_schedules_and_users()
    {
        var page = await Pages.SignInAsync(browser, server, "admin");
        await using var context = page.Context;

        var section = page.Locator("#administrator-overview");
        await Expect(section.Locator("#jobs")).ToContainTextAsync("running or waiting");
        await Expect(section.Locator("#schedules")).ToContainTextAsync("paused");
        await Expect(section.Locator("#users")).ToContainTextAsync("Researcher");
        await Expect(page.Locator("#surgeon-worklist")).ToHaveCountAsync(0);
        await Pages.ScreenshotAsync(page, "home-admin");

        await section.Locator("#users").GetByRole(AriaRole.Link, new() { Name = "Manage users" }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("Users");
    }
}
