using MvdRegistry.Reporting.Reports;
using MvdRegistry.Reporting.Tests.Support;

namespace MvdRegistry.Reporting.Tests.Reports;

/// <summary>
/// How the cover reads from top to bottom: the scope, the counts, what each sheet holds and the note under them. (What it
/// says of each scope is in <see cref="OutcomeReportScopeTests"/>; its counts against R in <see cref="OutcomeReportNumbersTests"/>.)
/// </summary>
[Collection(ReportFilesCollection.Name)]
public sealed class OutcomeReportCoverTests(ReportFilesFixture files) : IDisposable
{
    private const string Sheet = "Cover";
    private readonly WorkbookFile _file = new(files.Whole);

    public void Dispose() => _file.Dispose();

    [Fact]
    public void The_cover_reads_scope_then_counts_then_sheets_each_under_its_heading_a_row_apart()
    {
        Assert.Equal(("Scope", true), (_file.Text(Sheet, 3, 1), _file.Bold(Sheet, 3, 1)));
        Assert.Equal(["Report", "Indication", "Surgery dates", "Data as of", "Generated at", "Completeness judged as of", "Surgeons", ""],
            _file.Down(Sheet, 4, 1, 8));

        Assert.Equal(("Counts", true), (_file.Text(Sheet, 12, 1), _file.Bold(Sheet, 12, 1)));
        Assert.Equal(["Operations analysed", "   Hemifacial spasm", "   Trigeminal neuralgia", "   Glossopharyngeal neuralgia", "   Other",
            "Operations left out (consent withdrawn)", ""], _file.Down(Sheet, 13, 1, 7));
        Assert.True(_file.Bold(Sheet, 13, 2));
        Assert.False(_file.Bold(Sheet, 14, 2));
        var byIndication = ReferenceSnapshot.Snapshot.Population.ByIndication;
        Assert.Equal(new double?[] { byIndication["HFS"], byIndication["TN"], byIndication["GPN"], byIndication["OTHER"] },
            Enumerable.Range(14, 4).Select(r => _file.Number(Sheet, r, 2)));

        Assert.Equal(("Sheets", true), (_file.Text(Sheet, 20, 1), _file.Bold(Sheet, 20, 1)));
        var sheets = _file.SheetNames.Skip(1).ToArray();
        Assert.Equal(8, sheets.Length);
        Assert.Equal(sheets, _file.Down(Sheet, 21, 1, sheets.Length));
        Assert.All(Enumerable.Range(21, sheets.Length), r => Assert.True(_file.Bold(Sheet, r, 1)));
        Assert.Equal(
        [
            "Benefit at one year and risk of complications per indication, with 95% intervals",
            "Each complication type: any, transient and permanent, with 95% intervals",
            "HFS: success at one year against permanent complications per stratum (LHH)",
            "HFS: logistic model of success at one year, with its warnings",
            "HFS: Kaplan-Meier tables and charts of time to resolution and to recurrence; log-rank test by LSR",
            "Permanent complications per surgeon and per site against the registry rate (funnel data and charts)",
            "One-year follow-up capture against the 80% target, and overdue follow-ups per site",
            "The registry's outcome definitions (OUTCOMES.md)",
        ], _file.Down(Sheet, 21, 2, sheets.Length));

        Assert.Equal("", _file.Text(Sheet, 29, 1));
        Assert.Equal("Every number comes from one statistics snapshot, the same the statistics page shows for these filters; " +
                     "intervals are two-sided 95% (Wilson for proportions).", _file.Text(Sheet, 30, 1));
    }

    [Fact]
    public void A_site_reports_cover_says_its_surgeons_are_not_listed()
    {
        using var hou = new WorkbookFile(files.Hou);

        Assert.Equal("Not listed one by one: in a report of chosen sites a surgeon's row would tie a pseudonym to a site",
            hou.Text(Sheet, hou.Row(Sheet, 1, "Surgeons"), 2));
    }
}
