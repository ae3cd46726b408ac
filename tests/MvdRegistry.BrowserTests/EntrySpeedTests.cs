using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace MvdRegistry.BrowserTests;

/// <summary>Entry speed as a keyboard user meets it: one Tab stop per question, the day after surgery as a date is typed.</summary>
[Collection(RegistryCollection.Name)]
public sealed partial class EntrySpeedTests(RegistryServer server, Browser browser, ITestOutputHelper output)
{
    [Fact]
    public async Task Tab_goes_from_question_to_question_on_the_operation_form_never_through_a_clear_button()
    {
        var page = await Pages.SignInAsync(browser, server, "surgeon.hou");
        await using var context = page.Context;
        await page.GotoAsync("/Cases/New");
        var form = new EntryForm(page);
        await form.ChooseAsync("indication", "HFS");
        await form.ChooseAsync("botox_prior", "yes");
        var clearButtons = await page.Locator("form.entry-form button.field-clear:visible").CountAsync();

        await form.Field("indication").FocusAsync();
        var stops = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            var focused = await page.EvaluateAsync<string>("() => { const e = document.activeElement; return e.tagName.toLowerCase() + '|' + (e.getAttribute('name') || '') + '|' + (e.className || '') + '|' + (e.type || '') + '|' + (e.textContent || '').trim(); }");
            stops.Add(focused);
            if (focused.StartsWith("button||btn btn-primary", StringComparison.Ordinal)) break; // Save
            await page.Keyboard.PressAsync("Tab");
        }

        output.WriteLine($"{stops.Count} Tab stops from Indication to Save; {clearButtons} clear buttons on the form, none a stop");
        Assert.Contains("Save", stops[^1]);
        Assert.True(clearButtons >= 15, $"only {clearButtons} clear buttons: the test would not show them skipped");
        Assert.DoesNotContain(stops, s => s.Contains("field-clear", StringComparison.Ordinal));
        // One stop per question: a radio group is one stop, a checkbox of a multi-choice question one each
        // (Chromium stops at each part of a date input, day, month and year: not counted here).
        var names = stops.Select(s => s.Split('|')).Where(s => s[1].Length > 0 && s[3] != "date").Select(s => s[1]).ToList();
        Assert.Equal([], names.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Equal("indication", names[0]);
        Assert.Equal("case_id", names[^1]); // the key left for the server comes after the clinical fields
        await Pages.ScreenshotAsync(page, "operation-form-tab-order");
    }

    [Fact]
    public async Task The_day_after_surgery_follows_the_date_as_it_is_typed_on_a_new_visit_and_on_an_edited_one()
    {
        var known = await KnownCase.OfHoustonAsync(browser, server);
        var page = await Pages.SignInAsync(browser, server, "surgeon.hou");
        await using var context = page.Context;
        await page.GotoAsync("/Cases/" + known.CaseId);
        var surgery = DateOnly.ParseExact(SurgeryDate().Match(await page.Locator("h1 + span").InnerTextAsync()).Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        await page.GotoAsync($"/Cases/{known.CaseId}/FollowUps/New");
        var form = new EntryForm(page);
        var day = form.Row("visit_date").Locator(".post-op-day");
        await Expect(day).ToHaveTextAsync("");
        await form.DateAsync("visit_date", surgery.AddDays(30));
        await Expect(day).ToHaveTextAsync("day 30 after surgery");
        await form.DateAsync("visit_date", surgery.AddDays(1));
        await Expect(day).ToHaveTextAsync("day 1 after surgery");
        await form.DateAsync("visit_date", surgery.AddDays(-3));
        await Expect(day).ToHaveTextAsync("3 days before surgery");
        await form.DateAsync("visit_date", surgery.AddDays(365));
        await Expect(day).ToHaveTextAsync("day 365 after surgery");
        await Pages.ScreenshotAsync(page, "followup-form-day-after-surgery");

        // An existing visit: the day shown at load follows a corrected date.
        await page.GotoAsync("/Cases/" + known.CaseId);
        await page.Locator("#followups tbody tr").First.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("Follow-up visit");
        var edited = form.Row("visit_date").Locator(".post-op-day");
        await Expect(edited).ToHaveTextAsync(new Regex("after surgery|day of surgery"));
        await form.DateAsync("visit_date", surgery.AddDays(200));
        await Expect(edited).ToHaveTextAsync("day 200 after surgery");
        await form.DateAsync("visit_date", surgery);
        await Expect(edited).ToHaveTextAsync("day of surgery");
    }

    [Fact]
    public async Task The_discharge_day_follows_the_surgery_date_typed_on_the_same_form()
    {
        var page = await Pages.SignInAsync(browser, server, "surgeon.hou");
        await using var context = page.Context;
        await page.GotoAsync("/Cases/New");
        var form = new EntryForm(page);
        var day = form.Row("discharge_date").Locator(".post-op-day");

        await form.DateAsync("surgery_date", new DateOnly(2025, 2, 27));
        await form.DateAsync("discharge_date", new DateOnly(2025, 3, 2));
        await Expect(day).ToHaveTextAsync("day 3 after surgery");
        await form.DateAsync("surgery_date", new DateOnly(2025, 2, 25));
        await Expect(day).ToHaveTextAsync("day 5 after surgery");
    }

    [GeneratedRegex(@"surgery (\d{4}-\d{2}-\d{2})")]
    private static partial Regex SurgeryDate();
}
