using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MvdRegistry.BrowserTests;

/// <summary>A whole hemifacial spasm case entered through the real pages, then found again.</summary>
[Collection(RegistryCollection.Name)]
public sealed class CaseEntryTests(RegistryServer server, Browser browser)
{
    private const string PatientKey = "BT-P-HFS1";
    private const string CaseKey = "BT-C-HFS1";
    private const string Mrn = "BT-MRN-7731";

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Today);
    private static readonly DateOnly Surgery = Today.AddMonths(-14);
    private static readonly Regex CasePage = new("/Cases/" + CaseKey + "$");

    [Fact]
    public async Task A_surgeon_enters_a_complete_hemifacial_spasm_case_and_finds_it_on_the_operations_list()
    {
        var page = await Pages.SignInAsync(browser, server, "surgeon.hou");
        await using var context = page.Context;

        await EnterOperationAsync(page);
        await Expect(page).ToHaveURLAsync(server.BaseUrl + "/Cases/" + CaseKey);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Operation " + CaseKey);

        await AddImagingAsync(page);
        await AddVisitAsync(page, Surgery.AddDays(3), "partial", cohen: 2, hb: 1, screenshot: true);
        await AddVisitAsync(page, Surgery.AddDays(91), "near_complete", cohen: 1, hb: 1);
        await AddVisitAsync(page, Surgery.AddDays(365), "resolved", cohen: 0, hb: 1);
        await AddComplicationAsync(page);

        await page.GotoAsync("/Cases");
        await Pages.ScreenshotAsync(page, "operations-list");
        await page.Locator("#q").FillAsync(CaseKey.ToLowerInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page.Locator("#result-count")).ToContainTextAsync("1 operation");
        var row = page.Locator("table.case-list tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync(PatientKey);
        await Expect(row).ToContainTextAsync(Mrn);
        await row.GetByRole(AriaRole.Link, new() { Name = CaseKey }).ClickAsync();

        await Expect(page).ToHaveURLAsync(server.BaseUrl + "/Cases/" + CaseKey);
        var visits = page.Locator("#followups tbody tr");
        await Expect(visits).ToHaveCountAsync(3);
        await Expect(visits.Nth(0)).ToContainTextAsync(EntryForm.Iso(Surgery.AddDays(3)));
        await Expect(visits.Nth(1)).ToContainTextAsync(EntryForm.Iso(Surgery.AddDays(91)));
        await Expect(visits.Nth(2)).ToContainTextAsync(EntryForm.Iso(Surgery.AddDays(365)));
        await Expect(visits.Nth(2)).ToContainTextAsync("Complete resolution");
        var complications = page.Locator("#complications tbody tr");
        await Expect(complications).ToHaveCountAsync(1);
        await Expect(complications).ToContainTextAsync("Facial palsy");
        await Expect(page.Locator("#imaging tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#patient")).ToContainTextAsync(Mrn);
        // The derived outcome's answers read as the entered ones do (Yes, No), not as codes.
        var outcome = page.Locator("#outcome dd");
        await Expect(outcome.Nth(2)).ToHaveTextAsync("Yes");
        await Expect(outcome.Nth(3)).ToHaveTextAsync("No");
        await Pages.ScreenshotAsync(page, "case-page");
    }

    /// <summary>/Cases/New: a new patient, the pre-operative values and the surgery on one page.</summary>
    private static async Task EnterOperationAsync(IPage page)
    {
        await page.GotoAsync("/Cases");
        await page.GetByRole(AriaRole.Link, new() { Name = "New operation" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("New operation");
        var form = new EntryForm(page);

        await page.Locator("#patient-new").CheckAsync();
        await form.TypeAsync("patient_id", PatientKey);
        await form.ChooseAsync("site_code", "HOU");
        await form.TypeAsync("mrn", Mrn);
        await form.DateAsync("birth_date", Surgery.AddYears(-52).AddDays(-40));
        await form.ChooseAsync("sex", "F");
        await form.ChooseAsync("ethnicity", "asian");
        await form.ChooseAsync("consent_status", "consented");

        // The HFS questions are hidden until the indication says HFS.
        await Expect(form.Row("hfs_onset")).ToBeHiddenAsync();
        await Expect(form.Row("tn_type")).ToBeHiddenAsync();
        await form.TypeAsync("case_id", CaseKey);
        await form.ChooseAsync("indication", "HFS");
        await Expect(form.Row("hfs_onset")).ToBeVisibleAsync();
        await Expect(form.Row("tn_type")).ToBeHiddenAsync();
        await form.ChooseAsync("side", "L");
        await form.ChooseAsync("redo", "no");
        await form.TypeAsync("symptom_duration_months", "42");
        await form.ChooseAsync("hfs_onset", "typical");
        await form.ChooseAsync("hfs_extent", "hemiface");
        await form.TypeAsync("smc_grade", "3");
        await form.TypeAsync("cohen_grade_preop", "3");
        await form.TypeAsync("hfs7_preop", "15");
        await form.ChooseAsync("sym_ear_clicking", "yes");
        await form.ChooseAsync("botox_prior", "yes");
        await form.TypeAsync("botox_cycles", "11");
        await form.ChooseAsync("botox_response", "partial");
        await form.ChooseAsync("hypertension", "no");
        await form.TypeAsync("asa_class", "2");
        await form.TypeAsync("hb_grade_preop", "1");
        await form.ChooseAsync("lsr_preop", "present");

        await form.DateAsync("surgery_date", Surgery);
        await Expect(form.Field("surgeon_code")).Not.ToBeEmptyAsync(); // the surgeon's own code, filled in
        await form.ChooseAsync("approach", "rs_infrafloccular");
        await form.ChooseAsync("visualization", "microscope");
        await form.ChooseAsync("lsr_monitored", "yes");
        await form.ChooseAsync("lsr_intraop", "disappeared");
        await form.TickAsync("vessel_op", "AICA");
        await form.ChooseAsync("vessel_primary", "AICA");
        await form.ChooseAsync("contact_site_op", "rez");
        await form.ChooseAsync("compression_op", "indentation");
        await form.ChooseAsync("technique", "interposition");
        await form.ChooseAsync("implant", "teflon");
        await form.TypeAsync("duration_min", "145");
        await form.DateAsync("discharge_date", Surgery.AddDays(3));
        await form.SaveAsync();
    }

    private static async Task AddImagingAsync(IPage page)
    {
        await page.Locator("#imaging").GetByRole(AriaRole.Link, new() { Name = "Add imaging study" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("New imaging study");
        var form = new EntryForm(page);
        await form.DateAsync("imaging_date", Surgery.AddDays(-45));
        await Expect(form.Row("mri_sequence")).ToBeHiddenAsync();
        await form.ChooseAsync("modality", "MRI");
        await form.TickAsync("mri_sequence", "T2_3D");
        await form.TickAsync("mri_sequence", "TOF");
        await form.ChooseAsync("nvc_detected", "yes");
        await form.TickAsync("vessel_img", "AICA");
        await form.ChooseAsync("contact_site_img", "rez");
        await form.ChooseAsync("tumor_excluded", "yes");
        await form.ChooseAsync("reader", "neuroradiologist");
        await form.SaveAsync();
        await Expect(page).ToHaveURLAsync(CasePage);
    }

    private static async Task AddVisitAsync(IPage page, DateOnly date, string status, int cohen, int hb, bool screenshot = false)
    {
        await page.Locator("#followups").GetByRole(AriaRole.Link, new() { Name = "Add follow-up visit" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("New follow-up visit");
        var form = new EntryForm(page);
        await form.DateAsync("visit_date", date);
        await form.ChooseAsync("contact_mode", "clinic");
        await form.ChooseAsync("hfs_status", status);
        await form.TypeAsync("cohen_grade", cohen.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await form.TypeAsync("hb_grade", hb.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await form.ChooseAsync("botox_since_surgery", "no");
        await form.ChooseAsync("reoperation_since", "no");
        await Expect(form.Row("bni_pain")).ToBeHiddenAsync(); // a pain score does not belong to HFS
        if (screenshot) await Pages.ScreenshotAsync(page, "followup-form");
        await form.SaveAsync();
        await Expect(page).ToHaveURLAsync(CasePage);
    }

    private static async Task AddComplicationAsync(IPage page)
    {
        await page.Locator("#complications").GetByRole(AriaRole.Link, new() { Name = "Add complication" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("New complication");
        var form = new EntryForm(page);
        await form.ChooseAsync("complication_type", "facial_palsy");
        await form.DateAsync("onset_date", Surgery.AddDays(2));
        await form.ChooseAsync("clavien_dindo", "I");
        await form.TypeAsync("hb_grade_worst", "3");
        await Expect(form.Row("resolution_date")).ToBeHiddenAsync();
        await form.ChooseAsync("resolved", "yes");
        await form.DateAsync("resolution_date", Surgery.AddDays(80));
        await form.ChooseAsync("reoperation", "no");
        await form.SaveAsync();
        await Expect(page).ToHaveURLAsync(CasePage);
    }
}
