using MvdRegistry.Application.Statistics;
using MvdRegistry.Core.Statistics.Snapshot;
using MvdRegistry.Core.Tests.Statistics;
using MvdRegistry.Reporting.Reports;

namespace MvdRegistry.Reporting.Tests.Reports;

/// <summary>What a report covers and how it names surgeons: the whole registry, one site, real codes.</summary>
[Collection(ReportFilesCollection.Name)]
public class OutcomeReportScopeTests(ReportFilesFixture files)
{
    private static readonly string[] SurgeonCodes = ReferenceRegistry.Data.Operations.Select(o => o.SurgeonCode!).Distinct().ToArray();

    [Fact]
    public void The_cover_says_what_the_report_covers_and_when()
    {
        using var file = new WorkbookFile(files.Whole);

        Assert.Equal("MVD Registry outcome report", file.Text("Cover", 1, 1));
        Assert.Equal("All sites of the registry", file.Text("Cover", file.Row("Cover", 1, "Report"), 2));
        Assert.Equal("All indications", file.Text("Cover", file.Row("Cover", 1, "Indication"), 2));
        Assert.Equal("all dates", file.Text("Cover", file.Row("Cover", 1, "Surgery dates"), 2));
        // 2026-12-31 09:30 and 09:29 as Excel serial dates.
        Assert.Equal(new DateTime(2026, 12, 31, 9, 30, 0).ToOADate(), file.Number("Cover", file.Row("Cover", 1, "Generated at"), 2)!.Value, 1e-9);
        Assert.Equal(new DateTime(2026, 12, 31, 9, 29, 0).ToOADate(), file.Number("Cover", file.Row("Cover", 1, "Data as of"), 2)!.Value, 1e-9);
        Assert.Equal(new DateTime(2026, 12, 31).ToOADate(), file.Number("Cover", file.Row("Cover", 1, "Completeness judged as of"), 2));
        Assert.StartsWith("Named by pseudonym", file.Text("Cover", file.Row("Cover", 1, "Surgeons"), 2));
    }

    [Fact]
    public void A_filter_in_words_names_its_indication_sites_and_surgery_dates()
    {
        Assert.Equal("All indications · all sites · surgery all dates", ReportText.FilterLine(new StatisticsFilter()));
        Assert.Equal("Hemifacial spasm · sites HOU, SEO · surgery 2012-01-01 to 2018-06-30",
            ReportText.FilterLine(new StatisticsFilter { Indication = "HFS", Sites = ["HOU", "SEO"], From = 2012, SurgeryTo = new DateOnly(2018, 6, 30) }));
        Assert.Equal("Trigeminal neuralgia · site HOU (Houston) · surgery from 2015-03-01",
            ReportText.FilterLine(new StatisticsFilter { Indication = "TN", Sites = ["HOU"], From = 2014, SurgeryFrom = new DateOnly(2015, 3, 1) }, code => code + " (Houston)"));
        Assert.Equal("All indications · site PIT · surgery up to 2020-12-31", ReportText.FilterLine(new StatisticsFilter { Sites = ["PIT"], To = 2020 }));
    }

    [Fact]
    public void A_site_is_labelled_by_its_code_and_its_name_when_it_has_one_of_its_own()
    {
        var scope = ReportFiles.Scope(new StatisticsFilter()) with
        {
            SiteNames = new Dictionary<string, string> { ["HOU"] = "Houston", ["PIT"] = "", ["SEO"] = "SEO" },
        };

        Assert.Equal(["HOU (Houston)", "PIT", "SEO", "BCN"], new[] { "HOU", "PIT", "SEO", "BCN" }.Select(scope.SiteLabel));
    }

    [Fact]
    public void A_pseudonymised_report_holds_no_surgeon_code_anywhere()
    {
        using var file = new WorkbookFile(files.Whole);

        var texts = file.SheetNames.SelectMany(s => file.Cells(s)).Select(file.Value).OfType<string>().ToArray();

        Assert.NotEmpty(SurgeonCodes);
        foreach (var code in SurgeonCodes) Assert.DoesNotContain(texts, t => t.Contains(code, StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("Surgeon A", StringComparison.Ordinal));
    }

    [Fact]
    public void An_administrators_report_names_surgeons_by_code_and_says_so()
    {
        using var file = new WorkbookFile(ReportFiles.Write(ReferenceSnapshot(), ReportFiles.Scope(new StatisticsFilter(), realSurgeonCodes: true)));

        var first = file.Row("Surgeons and sites", 1, "Surgeon");
        var names = Enumerable.Range(first + 1, SurgeonCodes.Length).Select(r => file.Text("Surgeons and sites", r, 1)).ToArray();
        Assert.Equal(SurgeonCodes.Order(StringComparer.Ordinal), names);
        Assert.StartsWith("Named by their registry codes", file.Text("Cover", file.Row("Cover", 1, "Surgeons"), 2));
    }

    [Fact]
    public void A_site_report_covers_one_site_says_so_and_lists_no_pseudonymised_surgeon()
    {
        using var file = new WorkbookFile(files.Hou);
        var hou = files.HouSnapshot;

        Assert.Equal("MVD Registry site report: HOU (Houston)", file.Text("Cover", 1, 1));
        Assert.Equal("Site report: the operations of site HOU (Houston) only", file.Text("Cover", file.Row("Cover", 1, "Report"), 2));
        Assert.Contains("site HOU (Houston)", file.Text("Summary", 2, 1));
        Assert.Equal(hou.Population.Operations, file.Number("Cover", file.Row("Cover", 1, "Operations analysed"), 2));
        Assert.True(hou.Population.Operations is > 0 and < 419);

        var success = file.Row("Summary", 2, "Success at 1 year");
        Assert.Equal(hou.Benefit["HFS"].Success1y.X, file.Number("Summary", success, 3));
        Assert.Equal(hou.Benefit["HFS"].Success1y.N, file.Number("Summary", success, 4));

        // The sites table holds HOU alone; no surgeon row (a pseudonym would be tied to the site).
        var sites = file.Row("Surgeons and sites", 1, "Site");
        Assert.Equal("HOU", file.Text("Surgeons and sites", sites + 1, 1));
        Assert.Equal("", file.Text("Surgeons and sites", sites + 2, 1));
        var surgeons = file.Row("Surgeons and sites", 1, "Surgeon");
        Assert.StartsWith("Not listed one by one", file.Text("Surgeons and sites", surgeons + 1, 1));
        Assert.Single(file.Pictures("Surgeons and sites"));
        Assert.DoesNotContain(file.Cells("Benefit-risk").Select(file.Value).OfType<string>(), t => t.StartsWith("Surgeon ", StringComparison.Ordinal));
    }

    [Fact]
    public void Filters_are_named_on_every_sheet_and_the_date_range_on_the_cover()
    {
        var filter = new StatisticsFilter { Indication = "HFS", Sites = ["HOU", "SEO"], SurgeryFrom = new DateOnly(2012, 3, 1), SurgeryTo = new DateOnly(2018, 6, 30) };
        using var file = new WorkbookFile(ReportFiles.Write(ReferenceSnapshot(), ReportFiles.Scope(filter)));

        Assert.Equal("2012-03-01 to 2018-06-30", file.Text("Cover", file.Row("Cover", 1, "Surgery dates"), 2));
        Assert.Equal("Hemifacial spasm", file.Text("Cover", file.Row("Cover", 1, "Indication"), 2));
        Assert.Equal("The operations of sites HOU (Houston), SEO (Seoul)", file.Text("Cover", file.Row("Cover", 1, "Report"), 2));
        foreach (var sheet in file.SheetNames)
            Assert.Equal("Hemifacial spasm · sites HOU, SEO · surgery 2012-03-01 to 2018-06-30 · data as of 2026-12-31 09:29", file.Text(sheet, 2, 1));
        // One indication: its benefit alone, no "All indications" group.
        Assert.Throws<Xunit.Sdk.XunitException>(() => file.Row("Summary", 1, "Trigeminal neuralgia (111 operations)"));
        Assert.Throws<Xunit.Sdk.XunitException>(() => file.Row("Summary", 1, "All indications (419 operations)"));
    }

    private static RegistrySnapshot ReferenceSnapshot() => Support.ReferenceSnapshot.Snapshot;
}
