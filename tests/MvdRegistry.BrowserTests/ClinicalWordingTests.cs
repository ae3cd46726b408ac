using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace MvdRegistry.BrowserTests;

/// <summary>The operation form as a clinician reads it: help written for them, and problems in their words, one per problem.</summary>
[Collection(RegistryCollection.Name)]
public sealed partial class ClinicalWordingTests(RegistryServer server, Browser browser)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Today);

    [Fact]
    public async Task The_operation_form_speaks_to_clinicians_in_its_help_and_in_its_errors()
    {
        var page = await Pages.SignInAsync(browser, server, "surgeon.hou");
        await using var context = page.Context;
        await page.GotoAsync("/Cases/New");
        var form = new EntryForm(page);

        await page.Locator("#patient-new").CheckAsync();
        await form.ChooseAsync("site_code", "HOU");
        await form.DateAsync("birth_date", Today.AddYears(-50));
        await form.ChooseAsync("indication", "HFS");
        await form.TypeAsync("cohen_grade_preop", "7");
        await form.DateAsync("surgery_date", Today.AddDays(-10));
        await form.DateAsync("discharge_date", Today.AddDays(-12));
        await form.SaveAsync();

        var summary = page.Locator(".entry-errors");
        await Expect(summary).ToContainTextAsync("Not saved");
        await Expect(summary).ToContainTextAsync("Cohen-Albert spasm intensity before surgery: 7 is above the maximum 4");
        await Expect(summary).ToContainTextAsync($"Discharge date: {EntryForm.Iso(Today.AddDays(-12))} is before the date of surgery ({EntryForm.Iso(Today.AddDays(-10))})");
        await Expect(summary).ToContainTextAsync("Sex: is required");
        await Expect(form.Row("cohen_grade_preop").Locator(".field-error")).ToHaveCountAsync(1);
        Assert.DoesNotMatch(VariableName(), await summary.InnerTextAsync());
        await Expect(form.Row("vessel_op")).ToContainTextAsync("Tick every vessel found compressing the nerve, or 'No conflict found' alone.");
        await Expect(form.Row("surgery_date")).ToContainTextAsync("Every post-operative time (visits, complications, discharge) is counted from this day.");
        await Expect(page.Locator("form.entry-form")).Not.ToContainTextAsync("Exported as");
        await Expect(page.Locator("form.entry-form")).Not.ToContainTextAsync("HIPAA");
        await Pages.ScreenshotAsync(page, "clinical-wording");
    }

    /// <summary>A dictionary variable's name: lower-case words joined by underscores (birth_date, surgery_date).</summary>
    [GeneratedRegex(@"\b[a-z0-9]+_[a-z0-9_]+\b")]
    private static partial Regex VariableName();
}
