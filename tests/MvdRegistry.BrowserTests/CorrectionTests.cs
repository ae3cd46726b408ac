using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MvdRegistry.BrowserTests;

/// <summary>A correction: a visit entered by mistake is deleted from its edit page with a reason, and the case's history says so.</summary>
[Collection(RegistryCollection.Name)]
public sealed class CorrectionTests(RegistryServer server, Browser browser)
{
    private const string Reason = "Entered on the wrong operation: this visit belongs to the patient's other side";

    [Fact]
    public async Task A_surgeon_deletes_a_visit_with_a_reason_and_sees_the_deletion_in_the_case_history()
    {
        var page = await Pages.SignInAsync(browser, server, "surgeon.hou");
        await using var context = page.Context;
        var (caseId, visits) = await CaseWithVisitsAsync(page);
        var visitRow = page.Locator("#followups tbody tr").Last;
        var visitId = (await visitRow.Locator("td").First.Locator(".visit-key").InnerTextAsync()).Trim(); // beside the visit's name from the schedule

        await visitRow.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Follow-up visit " + visitId);
        var card = page.Locator("#delete");
        await card.Locator("summary").ClickAsync();
        await card.Locator("#f-delete_reason").FillAsync(Reason);
        await card.GetByLabel("Yes, delete follow-up visit " + visitId).CheckAsync();
        await Pages.ScreenshotAsync(page, "delete-visit");
        await card.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/Cases/" + Regex.Escape(caseId) + "$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Deleted follow-up visit {visitId}");
        await Expect(page.Locator("#followups tbody tr")).ToHaveCountAsync(visits - 1);
        await Expect(page.Locator("#followups")).Not.ToContainTextAsync(visitId);
        var deletion = page.Locator("#history tr.history-deleted");
        await Expect(deletion).ToHaveCountAsync(1);
        await Expect(deletion).ToContainTextAsync("surgeon.hou");
        await Expect(deletion).ToContainTextAsync("Follow-up visit " + visitId);
        await Expect(deletion).ToContainTextAsync("deleted; it held");
        await Expect(deletion).ToContainTextAsync(Reason);
        await deletion.Locator("summary").ClickAsync();
        await Expect(deletion).ToContainTextAsync("Visit date: ");
        await deletion.ScrollIntoViewIfNeededAsync();
        await Pages.ScreenshotAsync(page, "case-history-deletion");
    }

    /// <summary>
    /// A demo Houston operation with visits, away from the top of the list that other tests read
    /// (<see cref="KnownCase"/>), left open on its case page.
    /// </summary>
    private static async Task<(string CaseId, int Visits)> CaseWithVisitsAsync(IPage page)
    {
        await page.GotoAsync("/Cases?site=HOU");
        var rows = page.Locator("table.case-list tbody tr").Filter(new() { HasNotText = "BT-" });
        var ids = new List<string>();
        for (var i = 5; i < Math.Min(await rows.CountAsync(), 20); i++)
            ids.Add((await rows.Nth(i).Locator("td").Nth(0).InnerTextAsync()).Trim());
        foreach (var id in ids)
        {
            await page.GotoAsync("/Cases/" + Uri.EscapeDataString(id));
            var visits = await page.Locator("#followups tbody tr").CountAsync();
            if (visits > 1) return (id, visits);
        }
        throw new InvalidOperationException("no Houston operation with two visits among rows 6 to 20 of the demo registry");
    }
}
