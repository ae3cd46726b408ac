using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace MvdRegistry.BrowserTests;

/// <summary>A refused save shows the problem beside its field and gives back everything the user typed.</summary>
[Collection(RegistryCollection.Name)]
public sealed partial class ValidationTests(RegistryServer server, Browser browser)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Today);

    [Fact]
    public async Task A_discharge_before_surgery_is_refused_beside_the_field_and_every_typed_value_stays_in_the_form()
    {
        var page = await Pages.SignInAsync(browser, server, "surgeon.hou");
        await using var context = page.Context;
        var surgery = Today.AddMonths(-2);
        await page.GotoAsync("/Cases/New");
        var form = new EntryForm(page);

        await page.Locator("#patient-new").CheckAsync();
        await form.ChooseAsync("site_code", "HOU");
        await form.TypeAsync("mrn", "BT-MRN-4410");
        await form.DateAsync("birth_date", new DateOnly(1961, 3, 14));
        await form.ChooseAsync("sex", "M");
        await form.ChooseAsync("consent_status", "consented");
        await form.ChooseAsync("indication", "HFS");
        await form.ChooseAsync("side", "R");
        await form.ChooseAsync("redo", "no");
        await form.TypeAsync("symptom_duration_months", "27");
        await form.ChooseAsync("hfs_onset", "atypical");
        await form.ChooseAsync("hfs_extent", "lower_face");
        await form.TypeAsync("cohen_grade_preop", "4");
        await form.ChooseAsync("botox_prior", "no");
        await form.DateAsync("surgery_date", surgery);
        await form.ChooseAsync("approach", "rs_lateral");
        await form.TickAsync("vessel_op", "PICA");
        await form.TickAsync("vessel_op", "VA");
        await form.ChooseAsync("vessel_primary", "PICA");
        await form.ChooseAsync("technique", "transposition");
        await form.TypeAsync("duration_min", "170");
        await form.DateAsync("discharge_date", surgery.AddDays(-1));
        await form.SaveAsync();

        await Expect(page.Locator(".entry-errors")).ToContainTextAsync("Not saved");
        await Expect(form.Row("discharge_date").Locator(".field-error")).ToContainTextAsync("is before the date of surgery");
        await Expect(form.Field("discharge_date")).ToHaveClassAsync(InvalidClass());
        await Expect(page.Locator(".field-error")).ToHaveCountAsync(1);

        await Expect(form.Field("mrn")).ToHaveValueAsync("BT-MRN-4410");
        await Expect(form.Field("birth_date")).ToHaveValueAsync("1961-03-14");
        await Expect(form.Field("indication")).ToHaveValueAsync("HFS");
        await Expect(page.Locator("input[name=side][value=R]")).ToBeCheckedAsync();
        await Expect(form.Field("symptom_duration_months")).ToHaveValueAsync("27");
        await Expect(page.Locator("input[name=hfs_onset][value=atypical]")).ToBeCheckedAsync();
        await Expect(form.Row("hfs_onset")).ToBeVisibleAsync(); // still shown: the indication is still HFS
        await Expect(form.Field("cohen_grade_preop")).ToHaveValueAsync("4");
        await Expect(form.Field("surgery_date")).ToHaveValueAsync(EntryForm.Iso(surgery));
        await Expect(form.Field("discharge_date")).ToHaveValueAsync(EntryForm.Iso(surgery.AddDays(-1)));
        await Expect(form.Field("vessel_op___PICA")).ToBeCheckedAsync();
        await Expect(form.Field("vessel_op___VA")).ToBeCheckedAsync();
        await Expect(form.Field("vessel_op___AICA")).Not.ToBeCheckedAsync();
        await Expect(form.Field("vessel_primary")).ToHaveValueAsync("PICA");
        await Expect(form.Field("technique")).ToHaveValueAsync("transposition");
        await Expect(form.Field("duration_min")).ToHaveValueAsync("170");
        await Pages.ScreenshotAsync(page, "new-operation-error");
    }

    [Fact]
    public async Task A_visit_dated_before_surgery_is_refused_beside_the_date_and_the_other_answers_stay()
    {
        var known = await KnownCase.OfHoustonAsync(browser, server);
        var page = await Pages.SignInAsync(browser, server, "surgeon.hou");
        await using var context = page.Context;
        await page.GotoAsync($"/Cases/{known.CaseId}/FollowUps/New");
        var header = await page.Locator(".case-header").InnerTextAsync();
        var surgery = DateOnly.Parse(SurgeryDate().Match(header).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var form = new EntryForm(page);

        await form.DateAsync("visit_date", surgery.AddDays(-7));
        await form.ChooseAsync("contact_mode", "phone");
        await form.TypeAsync("hb_grade", "2");
        await form.ChooseAsync("reoperation_since", "no");
        await form.SaveAsync();

        await Expect(form.Row("visit_date").Locator(".field-error")).ToContainTextAsync("is before the date of surgery (" + EntryForm.Iso(surgery) + ")");
        await Expect(form.Field("visit_date")).ToHaveValueAsync(EntryForm.Iso(surgery.AddDays(-7)));
        await Expect(form.Field("contact_mode")).ToHaveValueAsync("phone");
        await Expect(form.Field("hb_grade")).ToHaveValueAsync("2");
        await Expect(page.Locator("input[name=reoperation_since][value=no]")).ToBeCheckedAsync();
        Assert.EndsWith($"/Cases/{known.CaseId}/FollowUps/New", page.Url);
    }

    [GeneratedRegex(@"\bis-invalid\b")]
    private static partial Regex InvalidClass();

    [GeneratedRegex(@"surgery (\d{4}-\d{2}-\d{2})")]
    private static partial Regex SurgeryDate();
}
