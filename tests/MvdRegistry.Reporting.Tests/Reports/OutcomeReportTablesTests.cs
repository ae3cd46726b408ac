using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Statistics.Snapshot;
using MvdRegistry.Reporting.Reports;
using MvdRegistry.Reporting.Tests.Support;

namespace MvdRegistry.Reporting.Tests.Reports;

/// <summary>
/// How the benefit-risk, completeness and complications tables read: their headings, the order and emphasis of their
/// rows, the alert on a site under the capture target, and the notes under them. (Their numbers are checked against R
/// in <see cref="OutcomeReportNumbersTests"/>.)
/// </summary>
[Collection(ReportFilesCollection.Name)]
public sealed class OutcomeReportTablesTests(ReportFilesFixture files) : IDisposable
{
    private const string AlertFill = "FFF8D7DA";
    private static readonly string[] Proportion = ["n", "of", "%", "95% CI from", "to"];

    private readonly WorkbookFile _file = new(files.Whole);

    public void Dispose() => _file.Dispose();

    /// <summary>The last row at or below <paramref name="fromRow"/> of the block of rows with a value in <paramref name="column"/>.</summary>
    private static int LastRow(WorkbookFile file, string sheet, int column, int fromRow)
    {
        var row = fromRow;
        while (file.Value(sheet, row + 1, column) is not null) row++;
        return row;
    }

    [Fact]
    public void Summary_groups_each_indication_with_success_and_permanent_risk_in_bold_and_its_notes_under_the_last()
    {
        const string sheet = "Summary";
        Assert.Equal(["Indication", "Measure", .. Proportion], _file.Across(sheet, ReportSheet.HeaderRow, 1, 7));

        string[] risks = ["Any complication", "Any permanent complication", "Major complication (Clavien-Dindo IIIa+)", "Death within 30 days"];
        string[] benefit = ["Success at 1 year", "No 1-year status (missing)"];
        string[] hfsCourse = ["Complete resolution at 1 year", "Immediate resolution (first visit by day 7)",
            "Delayed resolution (not immediate, resolved later)", "Recurrence after resolution"];
        // The operations of each indication as R counted them (expected.json).
        string Operations(string code) => $"{ReferenceSnapshot.Expected["benefit"]![code]!["operations"]!.GetValue<int>():N0} operations";
        var groups = new (string Heading, string[] Measures)[]
        {
            ($"Hemifacial spasm ({Operations("HFS")})", [.. benefit, .. hfsCourse, .. risks]),
            ($"Trigeminal neuralgia ({Operations("TN")})", [.. benefit, .. risks]),
            ($"Glossopharyngeal neuralgia ({Operations("GPN")})", [.. benefit, .. risks]),
            ("All indications (419 operations)", risks),
        };
        var row = ReportSheet.FirstRow;
        foreach (var (heading, measures) in groups)
        {
            Assert.Equal((heading, true), (_file.Text(sheet, row, 1), _file.Bold(sheet, row, 1)));
            Assert.Equal(measures, _file.Down(sheet, row, 2, measures.Length));
            for (var i = 0; i < measures.Length; i++)
            {
                var bold = measures[i] is "Success at 1 year" or "Any permanent complication";
                Assert.All(Enumerable.Range(2, 6), c => Assert.Equal((measures[i], c, bold), (measures[i], c, _file.Bold(sheet, row + i, c))));
                if (i > 0) Assert.Equal("", _file.Text(sheet, row + i, 1));
            }
            row += measures.Length;
            Assert.Equal(("", ""), (_file.Text(sheet, row, 1), _file.Text(sheet, row, 2)));
            row++;
        }
        Assert.Equal("Success at 1 year: HFS resolved or near-complete, TN/GPN BNI I–IIIb, at the visit closest to day 365 within days 270–540; " +
                     "operations without that visit have no 1-year status and are not counted as failures.", _file.Text(sheet, row, 1));
        Assert.Equal("Risks are over every operation of the indication. Permanent: unresolved with follow-up to day 180 or later, or death. " +
                     "Intervals: Wilson 95%.", _file.Text(sheet, row + 1, 1));
        Assert.Equal("\"All indications\" includes the operations of other indications.", _file.Text(sheet, row + 2, 1));
    }

    [Fact]
    public void A_summary_of_one_indication_has_no_group_nor_note_for_all_indications()
    {
        using var file = new WorkbookFile(ReportFiles.Write(ReferenceSnapshot.Snapshot, ReportFiles.Scope(new() { Indication = "TN" })));
        const string sheet = "Summary";

        Assert.StartsWith("Trigeminal neuralgia (", file.Text(sheet, ReportSheet.FirstRow, 1));
        var notes = ReportSheet.FirstRow + 7;
        Assert.Equal(["Death within 30 days", ""], new[] { file.Text(sheet, notes - 2, 2), file.Text(sheet, notes - 1, 1) });
        Assert.StartsWith("Success at 1 year: HFS resolved", file.Text(sheet, notes, 1));
        Assert.StartsWith("Risks are over every operation", file.Text(sheet, notes + 1, 1));
        Assert.Null(file.Value(sheet, notes + 2, 1));
    }

    [Fact]
    public void Benefit_risk_is_headed_in_words_and_names_each_stratum_once_in_bold()
    {
        const string sheet = "Benefit-risk";
        Assert.Equal(["Stratum", "Level", "Operations", .. Proportion, .. Proportion, "LHH"], _file.Across(sheet, 4, 1, 14));
        Assert.Equal(("Success at 1 year", "Any permanent complication"), (_file.Text(sheet, 3, 4), _file.Text(sheet, 3, 9)));

        var site = _file.Row(sheet, 1, "Site");
        Assert.True(_file.Bold(sheet, site, 1));
        Assert.Equal("", _file.Text(sheet, site + 1, 1));
        Assert.NotEqual("", _file.Text(sheet, site + 1, 2));
        Assert.False(_file.Bold(sheet, site, 2));

        var last = LastRow(_file, sheet, 2, ReportSheet.FirstRow);
        Assert.Equal("", _file.Text(sheet, last + 1, 1));
        Assert.StartsWith("HFS operations. LHH, the likelihood of being helped versus harmed: P(success at 1 year) / P(any permanent complication)",
            _file.Text(sheet, last + 2, 1));
        Assert.Equal("", _file.Text(sheet, last + 3, 1));
    }

    [Fact]
    public void A_site_reports_benefit_risk_says_why_its_surgeons_are_not_listed()
    {
        using var hou = new WorkbookFile(files.Hou);
        const string sheet = "Benefit-risk";
        var last = LastRow(hou, sheet, 2, ReportSheet.FirstRow);

        Assert.StartsWith("HFS operations. LHH", hou.Text(sheet, last + 2, 1));
        Assert.Equal("Surgeons are not listed one by one: in a report of chosen sites their rows would tie pseudonyms to sites.", hou.Text(sheet, last + 3, 1));
    }

    [Fact]
    public void Completeness_lists_all_operations_first_then_each_site_by_name_and_marks_a_site_under_the_target()
    {
        const string sheet = "Completeness";
        Assert.Equal(["Site", "Name", "Operations", .. Proportion, "Target", "Target met", "Overdue follow-ups"], _file.Across(sheet, 4, 1, 11));
        Assert.Equal("One-year capture", _file.Text(sheet, 3, 4));

        var first = ReportSheet.FirstRow;
        Assert.Equal(("All", "", true), (_file.Text(sheet, first, 1), _file.Text(sheet, first, 2), _file.Bold(sheet, first, 1)));
        var sites = Enumerable.Range(first + 1, 4).ToArray();
        Assert.Equal(["BCN", "HOU", "PIT", "SEO"], sites.Select(r => _file.Text(sheet, r, 1)));
        Assert.Equal(["Barcelona", "Houston", "Pittsburgh", "Seoul"], sites.Select(r => _file.Text(sheet, r, 2)));
        Assert.All(sites, r => Assert.False(_file.Bold(sheet, r, 1)));

        // Every site of the reference registry is under the 80% target: its capture, target and verdict on the alert colour.
        AssertVerdicts(_file, ["no", "no", "no", "no", "no"]);

        Assert.Equal("", _file.Text(sheet, first + 5, 1));
        Assert.Equal($"As of {ReferenceSnapshot.Snapshot.Completeness.AsOf:yyyy-MM-dd}. One-year capture: operations at least 540 days old with a visit in the " +
                     "one-year window (days 270–540), over all operations at least 540 days old.", _file.Text(sheet, first + 6, 1));
        Assert.Equal("Overdue: the next visit target (days 30, 91, 182, 365, then yearly to day 1825) passed more than 30 days ago. " +
                     "Operations with a recorded death are never overdue.", _file.Text(sheet, first + 7, 1));
    }

    [Fact]
    public void A_site_at_or_over_the_capture_target_is_met_and_not_marked()
    {
        // HOU with 80 of 100 operations captured (exactly the target), SEO with 95 of 100; the others as they are.
        var snapshot = ReferenceSnapshot.Snapshot;
        var completeness = snapshot.Completeness with
        {
            Sites = snapshot.Completeness.Sites.Select(s => s.Site switch
            {
                "HOU" => s with { OneYearCapture = Core.Statistics.Proportion.Wilson(80, 100) },
                "SEO" => s with { OneYearCapture = Core.Statistics.Proportion.Wilson(95, 100) },
                _ => s,
            }).ToList(),
        };
        using var file = new WorkbookFile(ReportFiles.WithSection(nameof(RegistrySnapshot.Completeness), completeness));

        AssertVerdicts(file, ["no", "no", "yes", "no", "yes"]);
    }

    /// <summary>
    /// The completeness rows' verdicts (all operations, then BCN, HOU, PIT, SEO): a "no" row has its capture, target and verdict
    /// (columns 4 to 10) on the alert colour, a "yes" row none; the operations and overdue columns never.
    /// </summary>
    private static void AssertVerdicts(WorkbookFile file, string[] verdicts)
    {
        const string sheet = "Completeness";
        var rows = Enumerable.Range(ReportSheet.FirstRow, verdicts.Length).ToArray();
        Assert.Equal(verdicts, rows.Select(r => file.Text(sheet, r, 10)));
        foreach (var (row, verdict) in rows.Zip(verdicts))
        {
            var expected = verdict == "no" ? AlertFill : null;
            Assert.All(Enumerable.Range(4, 7), c => Assert.Equal(expected, file.Fill(sheet, row, c)));
            Assert.Null(file.Fill(sheet, row, 3));
            Assert.Null(file.Fill(sheet, row, 11));
        }
    }

    [Fact]
    public void Complications_tables_follow_one_another_most_frequent_type_first_with_their_headings_and_notes()
    {
        const string sheet = "Complications";
        var types = DataDictionary.Instance.Get(Forms.Complication, "complication_type");
        var group = ReportSheet.GroupRow;
        foreach (var key in new[] { RegistryStatistics.AllIndications }.Concat(RegistryStatistics.BenefitIndications))
        {
            var table = ReferenceSnapshot.Snapshot.Complications[key];
            Assert.Equal(["Any", "", "", "", "Transient", "", "", "", "Permanent"], _file.Across(sheet, group, 2, 9));
            Assert.Equal(["n", "%", "95% CI from", "to", "n", "%", "95% CI from", "to", "n", "%", "95% CI from", "to"], _file.Across(sheet, group + 1, 2, 12));
            Assert.EndsWith($": {table.Any.Denominator:N0} operations", _file.Text(sheet, group + 1, 1));

            var row = group + 2;
            Assert.Equal(("Any complication", true), (_file.Text(sheet, row, 1), _file.Bold(sheet, row, 1)));
            var ordered = table.ByType.OrderByDescending(t => t.Value.NAny).ThenBy(t => t.Key, StringComparer.Ordinal).ToList();
            foreach (var (type, counts) in ordered)
            {
                row++;
                Assert.Equal((types.Choices.Single(c => c.Code == type).Label, false), (_file.Text(sheet, row, 1), _file.Bold(sheet, row, 1)));
                Assert.Equal(counts.NAny, _file.Number(sheet, row, 2));
                Assert.False(_file.Bold(sheet, row, 2));
            }
            Assert.True(ordered.Count >= 2 && ordered[0].Value.NAny > ordered[^1].Value.NAny, "the reference registry's types differ in frequency");
            foreach (var label in new[] { "Major (Clavien-Dindo IIIa or worse)", "Death within 30 days" })
            {
                row++;
                Assert.Equal(label, _file.Text(sheet, row, 1));
                Assert.All(new[] { 1, 2, 3 }, c => Assert.True(_file.Bold(sheet, row, c)));
            }
            Assert.Null(_file.Value(sheet, row + 1, 1));
            group = row + 2;
        }
        Assert.Equal("Operations with at least one complication of the type, over every operation of the indication. Transient: every such " +
                     "complication resolved. Permanent: unresolved with follow-up to day 180 or later, or death.", _file.Text(sheet, group, 1));
        Assert.Equal("The rest (resolution unknown, or too short a follow-up) is indeterminate and counts in \"Any\" only.", _file.Text(sheet, group + 1, 1));
    }
}
