using MvdRegistry.Core.Statistics.Snapshot;
using MvdRegistry.Reporting.Reports;
using MvdRegistry.Reporting.Tests.Support;

namespace MvdRegistry.Reporting.Tests.Reports;

/// <summary>
/// How the surgeons and sites sheet reads: both tables under their headings, the registry rate and the notes under them, the
/// note that matches how surgeons are named, the flags on a row above its limits, and the funnel charts beside the tables.
/// (Its numbers are checked against R in <see cref="OutcomeReportNumbersTests"/>.)
/// </summary>
[Collection(ReportFilesCollection.Name)]
public sealed class OutcomeReportFunnelTests(ReportFilesFixture files) : IDisposable
{
    private const string Sheet = "Surgeons and sites";
    private const string AlertFill = "FFF8D7DA", WarningFill = "FFFFE599";
    private static readonly string[] Headers =
        ["Operations", "Permanent", "Rate", "95% CI from", "to", "95% limits from", "to", "99.8% limits from", "to", "Above limits"];
    private static readonly FunnelSection Reference = ReferenceSnapshot.Snapshot.Funnel;

    private readonly WorkbookFile _file = new(files.Whole);

    public void Dispose() => _file.Dispose();

    private static WorkbookFile Written(FunnelSection funnel) => new(ReportFiles.WithSection(nameof(RegistrySnapshot.Funnel), funnel));

    [Fact]
    public void Surgeons_then_sites_each_under_a_heading_across_the_table_then_the_registry_rate_and_the_notes()
    {
        var surgeons = Reference.Surgeon.Count;
        var sites = 6 + surgeons;
        Assert.Equal(("Surgeons", true), (_file.Text(Sheet, 3, 1), _file.Bold(Sheet, 3, 1)));
        Assert.Equal(["Surgeon", .. Headers], _file.Across(Sheet, 4, 1, 11));
        Assert.Equal(["", ""], new[] { _file.Text(Sheet, sites - 1, 1), _file.Text(Sheet, sites - 1, 2) });
        Assert.Equal(("Sites", true), (_file.Text(Sheet, sites, 1), _file.Bold(Sheet, sites, 1)));
        Assert.Equal(["Site", .. Headers], _file.Across(Sheet, sites + 1, 1, 11));
        Assert.Contains("A3:K3", _file.MergedRanges(Sheet));
        Assert.Contains($"A{sites}:K{sites}", _file.MergedRanges(Sheet));

        var rate = sites + 2 + Reference.Site.Count + 1;
        Assert.Equal("", _file.Text(Sheet, rate - 1, 1));
        Assert.Equal(("Registry rate (p0)", true, true), (_file.Text(Sheet, rate, 1), _file.Bold(Sheet, rate, 1), _file.Bold(Sheet, rate, 4)));
        Assert.Equal(
        [
            "",
            "Operations with at least one permanent complication (all indications), against the rate of all the report's operations, p0,",
            "and its 95% and 99.8% control limits at each one's number of operations (the funnel plots' data).",
            "Surgeons are named by pseudonym, the same letters as the statistics page.",
            "",
        ], _file.Down(Sheet, rate + 1, 1, 5));
    }

    [Fact]
    public void The_funnel_charts_stand_beside_the_tables_surgeons_first_a_row_apart()
    {
        var pictures = _file.Pictures(Sheet).OrderBy(p => p.Row).ToArray();

        Assert.Equal(2, pictures.Length);
        Assert.All(pictures, p => Assert.Equal(13, p.Column));
        Assert.Equal(3, pictures[0].Row);
        Assert.Equal(pictures[0].Row + pictures[0].RowsCovered + 1, pictures[1].Row);
        Assert.Contains("surgeon", pictures[0].Name, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("site", pictures[1].Name, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void An_administrators_report_says_surgeons_are_named_by_their_codes()
    {
        using var file = new WorkbookFile(ReportFiles.Write(ReferenceSnapshot.Snapshot, ReportFiles.Scope(new(), realSurgeonCodes: true)));

        var rate = file.Row(Sheet, 1, "Registry rate (p0)");
        Assert.Equal("Surgeons are named by their registry codes: this is an administrator's report.", file.Text(Sheet, rate + 4, 1));
    }

    [Fact]
    public void A_site_report_says_in_the_surgeons_table_and_under_the_tables_why_no_surgeon_is_listed()
    {
        using var hou = new WorkbookFile(files.Hou);

        Assert.Equal("Not listed one by one: in a report of chosen sites their rows would tie pseudonyms to sites.", hou.Text(Sheet, 5, 1));
        Assert.Equal(("", "Sites"), (hou.Text(Sheet, 6, 1), hou.Text(Sheet, 7, 1)));
        var rate = hou.Row(Sheet, 1, "Registry rate (p0)");
        Assert.Equal("Surgeons are not listed one by one: in a report of chosen sites their rows would tie pseudonyms to sites.", hou.Text(Sheet, rate + 4, 1));
        Assert.Equal(3, Assert.Single(hou.Pictures(Sheet)).Row);
    }

    [Fact]
    public void A_registry_without_surgeon_rows_leaves_their_table_empty_without_the_site_reports_note()
    {
        using var file = Written(Reference with { Surgeon = [] });

        Assert.Equal(["", "", "Sites"], new[] { file.Text(Sheet, 5, 1), file.Text(Sheet, 6, 1), file.Text(Sheet, 7, 1) });
        Assert.Equal("Site", file.Text(Sheet, 8, 1));
        Assert.Equal(3, Assert.Single(file.Pictures(Sheet)).Row);
    }

    [Fact]
    public void A_row_above_its_limits_is_flagged_and_coloured_across_a_row_on_a_limit_is_not()
    {
        var codes = Reference.Surgeon.Select(s => s.Code).Order(StringComparer.Ordinal).ToArray();
        Assert.True(codes.Length >= 4);
        // Each surgeon's rate set against his own limits: above 99.8%, between the limits, on the 95% limit, on the 99.8% limit.
        var rates = new Dictionary<string, Func<FunnelRow, double>>
        {
            [codes[0]] = r => r.Limit998Upper + 0.01,
            [codes[1]] = r => (r.Limit95Upper + r.Limit998Upper) / 2,
            [codes[2]] = r => r.Limit95Upper,
            [codes[3]] = r => r.Limit998Upper,
        };
        var surgeons = Reference.Surgeon.Select(r => r with { Rate = rates.TryGetValue(r.Code, out var rate) ? rate(r) : r.Limit95Lower }).ToList();
        using var file = Written(Reference with { Surgeon = surgeons });
        var names = ReportFiles.Surgeons();

        var expected = new (string Code, string Flag, string? Fill)[]
        {
            (codes[0], "above 99.8%", AlertFill), (codes[1], "above 95%", WarningFill), (codes[2], "", null), (codes[3], "above 95%", WarningFill),
        };
        foreach (var (code, flag, fill) in expected)
        {
            var row = file.Row(Sheet, 1, names.Name(code), 5);
            Assert.Equal((code, flag), (code, file.Text(Sheet, row, 11)));
            Assert.All(Enumerable.Range(1, 11), c => Assert.Equal((code, c, fill), (code, c, file.Fill(Sheet, row, c))));
            Assert.Null(file.Fill(Sheet, row, 12));
            if (flag.Length > 0) Assert.True(file.Bold(Sheet, row, 11));
        }
        var others = Enumerable.Range(5, surgeons.Count).Where(r => !expected.Any(e => file.Text(Sheet, r, 1) == names.Name(e.Code)));
        Assert.All(others, r => Assert.Equal("", file.Text(Sheet, r, 11)));
    }
}
