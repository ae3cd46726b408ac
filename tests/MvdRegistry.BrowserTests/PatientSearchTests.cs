using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MvdRegistry.BrowserTests;

/// <summary>A returning patient found by MRN from the home page, checked on their summary, and given a new operation.</summary>
[Collection(RegistryCollection.Name)]
public sealed class PatientSearchTests(RegistryServer server, Browser browser)
{
    [Fact]
    public async Task A_surgeon_finds_a_returning_patient_by_part_of_the_MRN_checks_the_summary_and_adds_the_operation()
    {
        var known = await KnownCase.OfHoustonAsync(browser, server);
        var page = await Pages.SignInAsync(browser, server, "surgeon.hou");
        await using var context = page.Context;

        var part = known.Mrn[^6..];
        await page.Locator("#find-patient-term").FillAsync(part);
        await page.Locator("#find-patient").GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("New operation");
        var match = page.Locator("table.patient-matches tbody tr", new() { HasText = known.Mrn });
        await Expect(match).ToHaveCountAsync(1);
        await Expect(page.Locator("#operation-cards")).ToBeHiddenAsync(); // the operation's questions wait for the patient
        foreach (var mrn in await page.Locator("table.patient-matches tbody td:nth-child(2)").AllInnerTextsAsync())
            Assert.StartsWith("HOU", mrn.Trim());
        await Pages.ScreenshotAsync(page, "patient-search-matches");

        await match.GetByRole(AriaRole.Link, new() { Name = "Choose" }).ClickAsync();
        var summary = page.Locator("#patient-summary");
        await Expect(summary.Locator("[data-field=mrn]")).ToContainTextAsync(known.Mrn);
        await Expect(summary.Locator("[data-field=birth_date]")).ToContainTextAsync("age ");
        await Expect(summary.Locator("[data-field=sex]")).Not.ToBeEmptyAsync();
        await Expect(summary.Locator(".previous-operations tbody tr", new() { HasText = known.CaseId })).ToHaveCountAsync(1);
        await Expect(page.Locator("#field-patient_id")).ToHaveCountAsync(0); // no internal key to type
        await Expect(page.Locator("#operation-cards")).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "patient-search-summary");

        var form = new EntryForm(page);
        var surgery = DateOnly.FromDateTime(DateTime.Today).AddDays(-2);
        await form.ChooseAsync("indication", "HFS");
        await form.ChooseAsync("side", "R");
        await form.ChooseAsync("redo", "no");
        await form.TypeAsync("symptom_duration_months", "30");
        await form.ChooseAsync("hfs_onset", "typical");
        await form.ChooseAsync("hfs_extent", "periocular");
        await form.TypeAsync("cohen_grade_preop", "3");
        await form.ChooseAsync("botox_prior", "no");
        await form.DateAsync("surgery_date", surgery);
        await form.ChooseAsync("approach", "rs_infrafloccular");
        await form.TickAsync("vessel_op", "AICA");
        await form.ChooseAsync("vessel_primary", "AICA");
        await form.ChooseAsync("technique", "interposition");
        await form.DateAsync("discharge_date", surgery.AddDays(1));
        // A key of the browser tests' own ("BT-"), so that KnownCase, the first demo case of Houston's list, never
        // picks this new operation without visits for the tests that edit one of its visits.
        await form.TypeAsync("case_id", "BT-C-RETURN1");
        await form.SaveAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Cases/BT-C-RETURN1$"));
        await Expect(page.Locator("#patient")).ToContainTextAsync(known.Mrn);
    }

    [Fact]
    public async Task Another_sites_patient_is_not_found_by_their_whole_MRN_nor_by_part_of_it()
    {
        var other = await OfBarcelonaAsync();
        var page = await Pages.SignInAsync(browser, server, "surgeon.hou");
        await using var context = page.Context;

        await page.GotoAsync("/Cases/New?find=" + Uri.EscapeDataString(other));
        await Expect(page.Locator("#patient-search-message")).ToContainTextAsync($"No patient's MRN or key contains {other} in your sites.");
        await Expect(page.Locator("table.patient-matches")).ToHaveCountAsync(0);
        await Expect(page.Locator("#patient-summary")).ToHaveCountAsync(0);
        await Pages.ScreenshotAsync(page, "patient-search-other-site");

        await page.GotoAsync("/Cases/New?find=" + other[3..]);
        await Expect(page.Locator("main")).Not.ToContainTextAsync(other);

        await page.GotoAsync("/Cases/New?find=77");
        await Expect(page.Locator("#patient-search-message")).ToContainTextAsync("type at least 4 characters");
    }

    /// <summary>An MRN of a Barcelona patient, as the administrator reads it.</summary>
    private async Task<string> OfBarcelonaAsync()
    {
        var page = await Pages.SignInAsync(browser, server, "admin");
        await using var context = page.Context;
        await page.GotoAsync("/Cases?site=BCN");
        var mrn = (await page.Locator("table.case-list tbody tr").First.Locator("td").Nth(2).InnerTextAsync()).Trim();
        Assert.StartsWith("BCN", mrn);
        return mrn;
    }
}
