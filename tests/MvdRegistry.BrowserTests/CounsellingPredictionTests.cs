using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MvdRegistry.BrowserTests;

/// <summary>
/// The counselling view's prediction as a surgeon reads it with a patient: on the 500-patient registry
/// the logistic model converges, so both scenario cards give a number and its interval, with the
/// model's own warning that it rests on too few patients, above the table of similar patients.
/// </summary>
[Collection(CounsellingRegistryCollection.Name)]
public sealed class CounsellingPredictionTests(CounsellingRegistryServer server, Browser browser)
{
    // "about 93 of 100", "more than 99 of 100", "fewer than 1 of 100".
    private static readonly Regex Share = new(@"^(about \d{1,2}|more than 99|fewer than 1) of 100$");
    private static readonly Regex Interval = new(@"95% interval (\d{1,2}|under 1) to (\d{1,3}|over 99) of 100");

    [Fact]
    public async Task A_surgeon_types_a_hemifacial_spasm_profile_and_reads_both_scenarios_with_their_intervals()
    {
        var page = await Pages.SignInAsync(browser, server, "surgeon.hou");
        await using var context = page.Context;
        await page.GotoAsync("/Counselling");
        await CounsellingTests.WaitForSnapshotAsync(page);

        await page.Locator("#indication").SelectOptionAsync("HFS");
        await page.Locator("#age").FillAsync("50");
        await page.Locator("#sex").SelectOptionAsync("F");
        await page.Locator("#months").FillAsync("30");
        await page.Locator("#botox").SelectOptionAsync("yes");
        await page.Locator("#va").SelectOptionAsync("no");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        await Expect(page.Locator("#counsel-errors")).ToHaveCountAsync(0);
        await Expect(page.Locator("#counsel-not-fitted")).ToHaveCountAsync(0);
        await Expect(page.Locator("#counsel-outside")).ToHaveCountAsync(0);
        // Nothing was entered in this registry after its snapshot.
        await Expect(page.Locator("#counsel-changed")).ToHaveCountAsync(0);
        // Far fewer than 10 events per variable in 500 demo patients: the page says the estimate is unreliable.
        await Expect(page.Locator("#counsel-unreliable")).ToContainTextAsync("Unreliable estimate.");
        foreach (var (id, title) in new[] { ("#scenario-disappeared", "disappears"), ("#scenario-persisted", "persists") })
        {
            var card = page.Locator(id);
            await Expect(card.Locator(".card-header")).ToHaveTextAsync($"If the lateral spread response {title}");
            await Expect(card.Locator(".counsel-big")).ToHaveTextAsync(Share);
            await Expect(card).ToContainTextAsync(Interval);
            await Expect(card.Locator(".badge")).ToHaveTextAsync("unreliable");
        }
        await Expect(page.Locator("#counsel-plain")).ToContainTextAsync("if the lateral spread response disappears during the operation");
        var rows = page.Locator("#counsel-similar tbody tr");
        await Expect(rows.Nth(0)).ToContainTextAsync("All hemifacial spasm operations");
        await Expect(rows.Nth(0).Locator("td").Nth(1)).ToContainTextAsync("%");
        await Expect(page.Locator("#counsel-similar-plain")).ToContainTextAsync("patients operated for hemifacial spasm");
        await Pages.ScreenshotAsync(page, "counselling");
    }
}
