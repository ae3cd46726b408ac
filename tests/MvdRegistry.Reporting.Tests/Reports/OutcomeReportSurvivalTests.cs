using MvdRegistry.Core.Statistics;
using MvdRegistry.Core.Statistics.Snapshot;
using MvdRegistry.Reporting.Reports;
using MvdRegistry.Reporting.Tests.Support;

namespace MvdRegistry.Reporting.Tests.Reports;

/// <summary>
/// How the survival sheet reads: the two Kaplan-Meier tables side by side, the medians and the log-rank test beside them,
/// the note under the longer table, and the three charts one under another. (Its numbers are checked against R in
/// <see cref="OutcomeReportNumbersTests"/>.)
/// </summary>
[Collection(ReportFilesCollection.Name)]
public sealed class OutcomeReportSurvivalTests(ReportFilesFixture files) : IDisposable
{
    private const string Sheet = "Survival";
    private const string TablesNote = "HFS operations. Time to resolution: operations with a follow-up; recurrence-free time: operations ever resolved. " +
                                      "Days after surgery; survival is the share without the event, with its log-scale 95% interval.";
    private static readonly string[] TableHeaders = ["Day", "At risk", "Events", "Survival", "Std error", "95% CI from", "to"];

    private readonly WorkbookFile _file = new(files.Whole);

    public void Dispose() => _file.Dispose();

    [Fact]
    public void Both_tables_are_headed_and_the_medians_and_the_log_rank_test_stand_beside_them()
    {
        Assert.Equal(("Time to resolution", "Recurrence-free time", "Medians"), (_file.Text(Sheet, 3, 1), _file.Text(Sheet, 3, 9), _file.Text(Sheet, 3, 17)));
        Assert.Equal(TableHeaders, _file.Across(Sheet, 4, 1, 7));
        Assert.Equal(TableHeaders, _file.Across(Sheet, 4, 9, 7));
        Assert.Equal(["Curve", "Operations", "Events", "Median (days)", "95% CI from (days)", "to (days)"], _file.Across(Sheet, 4, 17, 6));

        Assert.Equal(["Time to resolution", "Recurrence-free time", "An empty median or bound: its curve never gets down to 50%.", ""], _file.Down(Sheet, 5, 17, 4));
        Assert.Equal("Log-rank test: time to resolution by LSR", _file.Text(Sheet, 9, 17));
        Assert.True(_file.Bold(Sheet, 9, 17));
        Assert.Equal(["Group", "Operations", "Resolved", "Expected"], _file.Across(Sheet, 10, 17, 4));
        Assert.Equal(["LSR persisted", "LSR disappeared", "Chi-square (1 df)", "p", ""], _file.Down(Sheet, 11, 17, 5));
    }

    [Fact]
    public void The_note_stands_under_the_longer_table_after_an_empty_row()
    {
        var km = ReferenceSnapshot.Snapshot.KaplanMeier;
        var longer = Math.Max(km.TimeToResolution.Table.Count, km.RecurrenceFree.Table.Count);
        Assert.NotEqual(km.TimeToResolution.Table.Count, km.RecurrenceFree.Table.Count);
        var note = ReportSheet.FirstRow + longer + 1;

        Assert.Equal(["", ""], new[] { _file.Text(Sheet, note - 1, 1), _file.Text(Sheet, note - 1, 9) });
        Assert.Equal(TablesNote, _file.Text(Sheet, note, 1));
        Assert.NotNull(_file.Number(Sheet, note - 2, km.TimeToResolution.Table.Count >= km.RecurrenceFree.Table.Count ? 1 : 9));
    }

    [Fact]
    public void The_charts_stand_under_the_log_rank_test_one_under_another_a_row_apart()
    {
        var pictures = _file.Pictures(Sheet).OrderBy(p => p.Row).ToArray();

        Assert.Equal(3, pictures.Length);
        Assert.All(pictures, p => Assert.Equal(17, p.Column));
        Assert.Equal(16, pictures[0].Row); // the log-rank test's p in row 14, then an empty row
        for (var i = 1; i < pictures.Length; i++)
            Assert.Equal(pictures[i - 1].Row + pictures[i - 1].RowsCovered + 1, pictures[i].Row);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(20, 1)]
    [InlineData(21, 2)]
    [InlineData(400, 20)]
    [InlineData(401, 21)]
    public void A_picture_covers_the_rows_of_20_pixels_it_reaches_into(int pixels, int rows) =>
        Assert.Equal(rows, SurvivalSheet.RowsFor(pixels));

    [Fact]
    public void A_curve_without_events_says_so_and_a_median_between_two_days_keeps_its_decimal()
    {
        var km = ReferenceSnapshot.Snapshot.KaplanMeier;
        var survival = km with
        {
            TimeToResolution = km.TimeToResolution with { Median = 12.5, MedianLower = 10, MedianUpper = 20.5 },
            RecurrenceFree = km.RecurrenceFree with { Events = 0, Median = null, MedianLower = null, MedianUpper = null, Table = [] },
        };
        using var file = new WorkbookFile(ReportFiles.WithSection(nameof(RegistrySnapshot.KaplanMeier), survival));

        Assert.Equal("No event.", file.Text(Sheet, ReportSheet.FirstRow, 9));
        Assert.Equal("", file.Text(Sheet, ReportSheet.FirstRow + 1, 9));
        Assert.Equal(TablesNote, file.Text(Sheet, ReportSheet.FirstRow + km.TimeToResolution.Table.Count + 1, 1));

        Assert.Equal([12.5, 10, 20.5], new[] { 20, 21, 22 }.Select(c => file.Number(Sheet, 5, c)!.Value));
        Assert.Equal(["#,##0.0", "#,##0", "#,##0.0"], new[] { 20, 21, 22 }.Select(c => file.Format(Sheet, 5, c)));
        Assert.Equal(0, file.Number(Sheet, 6, 19));
        Assert.All(new[] { 20, 21, 22 }, c => Assert.Null(file.Value(Sheet, 6, c)));
    }
}
