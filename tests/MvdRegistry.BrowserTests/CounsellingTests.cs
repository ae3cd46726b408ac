using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MvdRegistry.BrowserTests;

/// <summary>
/// The counselling view as a surgeon reaches it: from a case page, for that patient, and from the menu
/// with a typed profile. The 120 demo patients give a logistic model that cannot be fitted (their HFS
/// outcomes are separated), so the typed HFS profile shows why there is no prediction, and the groups
/// of similar patients. The prediction itself is shown on a larger registry: <see cref="CounsellingPredictionTests"/>.
/// </summary>
[Collection(RegistryCollection.Name)]
public sealed class CounsellingTests(RegistryServer server, Browser browser)
{
    /// <summary>Reloads the page until the first statistics snapshot (queued when the demo data was seeded) is there.</summary>
    internal static async Task WaitForSnapshotAsync(IPage page)
    {
        var until = DateTime.UtcNow.AddSeconds(90);
        while (await page.Locator("#counsel-no-snapshot").CountAsync() > 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(1000);
            await page.ReloadAsync();
        }
        await Expect(page.Locator("#counsel-no-snapshot")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_surgeon_opens_the_counselling_view_from_a_case_page_with_the_patient_s_profile_filled_in()
    {
        var known = await KnownCase.OfHoustonAsync(browser, server);
        var page = await Pages.SignInAsync(browser, server, "surgeon.hou");
        await using var context = page.Context;
        await page.GotoAsync($"/Cases/{known.CaseId}");

        await page.Locator("#counsel-link").ClickAsync();
        await page.WaitForURLAsync($"**/Cases/{known.CaseId}/Counselling");
        await WaitForSnapshotAsync(page);

        await Expect(page.Locator("#counsel-stamp")).ToContainTextAsync("data as of");
        await Expect(page.Locator("h1")).ToContainTextAsync("Counselling for patient");
        await Expect(page.Locator("#counsel-sources")).ToContainTextAsync($"Filled in from operation {known.CaseId}");
        await Expect(page.Locator("#age")).Not.ToHaveValueAsync("");
        await Expect(page.Locator("#months")).Not.ToHaveValueAsync("");
        await Expect(page.Locator("#sex")).Not.ToHaveValueAsync("");
        await Expect(page.Locator("#counsel-model")).ToBeVisibleAsync();
        await Expect(page.Locator("#counsel-similar tbody tr").First).ToBeVisibleAsync();
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Nothing can be shown");
        await Pages.ScreenshotAsync(page, "counselling-case");

        await page.GetByRole(AriaRole.Link, new() { Name = $"back to operation {known.CaseId}" }).ClickAsync();
        await page.WaitForURLAsync($"**/Cases/{known.CaseId}");
    }

    [Fact]
    public async Task From_the_menu_a_surgeon_types_a_profile_corrects_a_mistake_and_reads_the_answer()
    {
        var page = await Pages.SignInAsync(browser, server, "surgeon.hou");
        await using var context = page.Context;
        await page.Locator("nav").GetByRole(AriaRole.Link, new() { Name = "Counselling" }).ClickAsync();
        await page.WaitForURLAsync("**/Counselling");
        await WaitForSnapshotAsync(page);

        await page.Locator("#indication").SelectOptionAsync("HFS");
        await page.Locator("#age").FillAsync("5o");
        await page.Locator("#sex").SelectOptionAsync("F");
        await page.Locator("#months").FillAsync("30");
        await page.Locator("#botox").SelectOptionAsync("yes");
        await page.Locator("#va").SelectOptionAsync("no");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        // A typo is named beside its field; everything else typed is kept.
        await Expect(page.Locator("#counsel-errors")).ToContainTextAsync("the field marked below is corrected");
        await Expect(page.Locator("#age ~ .field-error")).ToHaveTextAsync("Age: enter the age in whole years, from 1 to 110.");
        await Expect(page.Locator("#months")).ToHaveValueAsync("30");
        await Expect(page.Locator("#va")).ToHaveValueAsync("no");
        await Pages.ScreenshotAsync(page, "counselling-error");

        await page.Locator("#age").FillAsync("50");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        await Expect(page.Locator("#counsel-errors")).ToHaveCountAsync(0);
        await Expect(page.Locator("#counsel-stamp")).ToContainTextAsync("data as of");
        // The demo registry's model is separated: it says so and predicts nothing.
        await Expect(page.Locator("#counsel-not-fitted")).ToContainTextAsync("so it gives no prediction");
        await Expect(page.Locator("#counsel-scenarios")).ToHaveCountAsync(0);
        var rows = page.Locator("#counsel-similar tbody tr");
        await Expect(rows.Nth(0)).ToContainTextAsync("All hemifacial spasm operations");
        await Expect(rows.Nth(1)).ToContainTextAsync("Aged 40-59");
        await Expect(rows.Nth(2)).ToContainTextAsync("Women");
        await Expect(rows.Nth(3)).ToContainTextAsync("Symptoms for 24 to 59 months");
        await Pages.ScreenshotAsync(page, "counselling-not-fitted");
    }

    [Fact]
    public async Task A_researcher_has_no_counselling_view()
    {
        var page = await Pages.SignInAsync(browser, server, "researcher");
        await using var context = page.Context;

        await Expect(page.Locator("nav").GetByRole(AriaRole.Link, new() { Name = "Counselling" })).ToHaveCountAsync(0);
        await page.GotoAsync("/Counselling");
        Assert.Contains("/Account/Denied", page.Url);
    }
}
