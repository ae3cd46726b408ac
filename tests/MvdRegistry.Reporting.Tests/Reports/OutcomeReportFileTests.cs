using MvdRegistry.Application.Statistics;
using MvdRegistry.Core.Statistics.Snapshot;
using MvdRegistry.Reporting.Reports;
using MvdRegistry.Reporting.Tests.Support;

namespace MvdRegistry.Reporting.Tests.Reports;

/// <summary>The report of a stored snapshot, of a registry with almost nothing in it, and written to a file.</summary>
[Collection(ReportFilesCollection.Name)]
public sealed class OutcomeReportFileTests(ReportFilesFixture files) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mvd-report-").FullName;

    [Fact]
    public void The_report_of_a_snapshot_stored_as_json_holds_the_same_cells()
    {
        var stored = RegistrySnapshot.FromJson(ReferenceSnapshot.Snapshot.ToJson());

        using var again = new WorkbookFile(ReportFiles.Write(stored, ReportFiles.Scope(new StatisticsFilter())));
        using var first = new WorkbookFile(files.Whole);

        foreach (var sheet in first.SheetNames)
            Assert.Equal(Values(first, sheet), Values(again, sheet));
    }

    [Fact]
    public void An_empty_registry_gives_a_report_with_empty_cells_and_warnings_instead_of_errors()
    {
        var snapshot = RegistryStatistics.Compute([], new DateOnly(2024, 1, 1));

        using var file = new WorkbookFile(ReportFiles.Write(snapshot, ReportFiles.Scope(new StatisticsFilter())));

        Assert.Equal("The model gives no estimates: no complete case.", file.Text("Predictors", 3, 1));
        Assert.Null(file.Value("Predictors", 5, 1));
        var tn = file.Row("Summary", 1, "Trigeminal neuralgia (0 operations)");
        var success = file.Row("Summary", 2, "Success at 1 year", tn);
        Assert.Equal(0, file.Number("Summary", success, 4));
        Assert.Null(file.Value("Summary", success, 5));
        Assert.Empty(file.Pictures("Surgeons and sites"));
        Assert.Equal(9, file.SheetNames.Count);
        Assert.All(file.SheetNames.SelectMany(s => file.Cells(s)).Select(file.Value).OfType<double>(), v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void Written_to_a_file_the_report_replaces_the_earlier_one_and_leaves_no_temporary_file()
    {
        var path = Path.Combine(_folder, "quarterly.xlsx");
        File.WriteAllText(path, "the earlier report");

        OutcomeReport.WriteFile(ReferenceSnapshot.Snapshot, ReportFiles.Scope(new StatisticsFilter()), path);

        Assert.Equal([path], Directory.GetFiles(_folder));
        using var file = new WorkbookFile(File.ReadAllBytes(path));
        Assert.Equal("MVD Registry outcome report", file.Text("Cover", 1, 1));
    }

    [Fact]
    public void Written_to_a_folder_that_does_not_exist_yet_the_report_makes_it()
    {
        var path = Path.Combine(_folder, "reports", "2026", "q4.xlsx");

        OutcomeReport.WriteFile(ReferenceSnapshot.Snapshot, ReportFiles.Scope(new StatisticsFilter()), path);

        Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void Each_sheet_opens_with_its_title()
    {
        using var file = new WorkbookFile(files.Whole);

        Assert.Equal(
        [
            "MVD Registry outcome report", "Benefit and risk", "Complications", "Benefit-risk by stratum (HFS)",
            "Predictors of success at one year (HFS, logistic regression)", "Time to resolution and to recurrence (HFS, Kaplan-Meier)",
            "Permanent complications by surgeon and site", "Data completeness", "Definitions (OUTCOMES.md)",
        ], file.SheetNames.Select(s => file.Text(s, 1, 1)));
    }

    [Fact]
    public void A_report_that_fails_to_write_leaves_the_earlier_file_and_no_temporary_file()
    {
        var path = Path.Combine(_folder, "quarterly.xlsx");
        File.WriteAllText(path, "the earlier report");
        // A scope the writer cannot use: the snapshot lacks the chosen indication's tables.
        var scope = ReportFiles.Scope(new StatisticsFilter { Indication = "OTHER" });

        Assert.ThrowsAny<Exception>(() => OutcomeReport.WriteFile(ReferenceSnapshot.Snapshot, scope, path));

        Assert.Equal([path], Directory.GetFiles(_folder));
        Assert.Equal("the earlier report", File.ReadAllText(path));
    }

    private static string[] Values(WorkbookFile file, string sheet) =>
        file.Cells(sheet).Select(c => $"{c.CellReference}={file.Value(c)}|{file.Format(c)}").ToArray();

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
