using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Application.Scheduling;
using MvdRegistry.Application.Statistics;
using MvdRegistry.Core.Statistics.Snapshot;
using MvdRegistry.Data;
using MvdRegistry.IntegrationTests.Infrastructure;
using MvdRegistry.Reporting.Tests.Reports;

namespace MvdRegistry.IntegrationTests.Reports;

/// <summary>The quality committee's path end to end: import the reference registry, run `report outcomes`, read the workbook back.</summary>
public abstract class ReportCommandTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database), IDisposable
    where TDatabase : TestDatabase
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly string _folder = Directory.CreateTempSubdirectory("mvd-report-cli-").FullName;

    private string Out(string name) => Path.Combine(_folder, "reports", name);

    private async Task ImportReferenceAsync() =>
        Assert.Equal(0, (await CliRun.RunAsync(Database.Configuration, "import", Paths.ReferenceSmall)).ExitCode);

    [Fact]
    public async Task The_report_of_the_imported_reference_registry_holds_Rs_numbers_its_sheets_and_its_charts()
    {
        await ImportReferenceAsync();
        var path = Out("outcomes.xlsx");

        var outcome = await CliRun.RunAsync(Database.Configuration, "report", "outcomes", "--out", path);

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Assert.Contains("419 analysed operations", outcome.Out);
        Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));
        using var file = new WorkbookFile(await File.ReadAllBytesAsync(path));
        Assert.Equal(["Cover", "Summary", "Complications", "Benefit-risk", "Predictors", "Survival", "Surgeons and sites", "Completeness", "Definitions"], file.SheetNames);

        var expected = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Paths.ReferenceSmall, "expected.json")))!;
        var success = expected["benefit"]!["HFS"]!["success_1y"]!;
        var row = file.Row("Summary", 2, "Success at 1 year", file.Row("Summary", 1, "Hemifacial spasm (289 operations)"));
        Assert.Equal(success["x"]!.GetValue<double>(), file.Number("Summary", row, 3));
        Assert.Equal(success["n"]!.GetValue<double>(), file.Number("Summary", row, 4));
        Assert.Equal(success["p"]!.GetValue<double>(), file.Number("Summary", row, 5)!.Value, 1e-9);
        Assert.Equal(success["lower"]!.GetValue<double>(), file.Number("Summary", row, 6)!.Value, 1e-9);
        Assert.Equal(success["upper"]!.GetValue<double>(), file.Number("Summary", row, 7)!.Value, 1e-9);
        var km = expected["kaplan_meier"]!["time_to_resolution"]!;
        Assert.Equal(km["median"]!.GetValue<double>(), file.Number("Survival", 5, 20));
        Assert.Equal(km["median_upper"]!.GetValue<double>(), file.Number("Survival", 5, 22));
        Assert.Equal(expected["funnel"]!["p0"]!.GetValue<double>(), file.Number("Surgeons and sites", file.Row("Surgeons and sites", 1, "Registry rate (p0)"), 4)!.Value, 1e-9);

        foreach (var (sheet, count) in new[] { ("Survival", 3), ("Surgeons and sites", 2) })
        {
            var pictures = file.Pictures(sheet);
            Assert.Equal(count, pictures.Count);
            Assert.All(pictures, p => Assert.Equal(PngSignature, p.Bytes[..8]));
        }
    }

    [Fact]
    public async Task A_site_report_of_one_indication_and_surgery_dates_holds_the_numbers_of_those_operations_alone()
    {
        await ImportReferenceAsync();
        var path = Out("hou.xlsx");
        var (from, to) = (new DateOnly(2012, 1, 1), new DateOnly(2018, 12, 31));

        var outcome = await CliRun.RunAsync(Database.Configuration, "report", "outcomes", "--out", path,
            "--sites", "HOU", "--indication", "HFS", "--from", "2012-01-01", "--to", "2018-12-31");

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        // The operations chosen here, in memory, from the whole registry: not through the loader's filter.
        await using var db = Db();
        var everything = await RegistryLoader.LoadAsync(db);
        var chosen = everything.Patients.Where(p => p.SiteCode == "HOU")
            .Select(p => (Patient: p, Operations: p.Operations.Where(o => o.Indication == "HFS" && o.SurgeryDate >= from && o.SurgeryDate <= to).ToList()))
            .Where(p => p.Operations.Count > 0)
            .Select(p => { p.Patient.Operations = p.Operations; return p.Patient; })
            .ToList();
        var expected = RegistryStatistics.Compute(chosen, Today.Of(TimeProvider.System));
        Assert.True(expected.Population.Operations is > 10 and < 289);

        using var file = new WorkbookFile(await File.ReadAllBytesAsync(path));
        Assert.Equal("Site report: the operations of site HOU only", file.Text("Cover", file.Row("Cover", 1, "Report"), 2));
        Assert.Equal("2012-01-01 to 2018-12-31", file.Text("Cover", file.Row("Cover", 1, "Surgery dates"), 2));
        Assert.Equal(expected.Population.Operations, file.Number("Cover", file.Row("Cover", 1, "Operations analysed"), 2));
        var success = file.Row("Summary", 2, "Success at 1 year");
        Assert.Equal(expected.Benefit["HFS"].Success1y.X, file.Number("Summary", success, 3));
        Assert.Equal(expected.Benefit["HFS"].Success1y.N, file.Number("Summary", success, 4));
        var permanent = file.Row("Summary", 2, "Any permanent complication");
        Assert.Equal(expected.Complications["HFS"].Any.NPermanent, file.Number("Summary", permanent, 3));
        Assert.Equal(["HOU"], [file.Text("Surgeons and sites", file.Row("Surgeons and sites", 1, "Site") + 1, 1)]);
    }

    [Fact]
    public async Task Overdue_follow_ups_per_site_are_those_of_the_overdue_list()
    {
        await ImportReferenceAsync();
        var path = Out("outcomes.xlsx");

        Assert.Equal(0, (await CliRun.RunAsync(Database.Configuration, "report", "outcomes", "--out", path)).ExitCode);

        // The overdue list's own query (Application/Scheduling/OverdueQuery), per site.
        await using var db = Db();
        var overdue = await db.Operations.Overdue(Today.Of(TimeProvider.System))
            .GroupBy(o => o.Patient!.SiteCode!).Select(g => new { Site = g.Key, Count = g.Count() }).ToListAsync();
        using var file = new WorkbookFile(await File.ReadAllBytesAsync(path));
        Assert.Equal(4, overdue.Count);
        foreach (var site in overdue)
            Assert.Equal(site.Count, file.Number("Completeness", file.Row("Completeness", 1, site.Site), 11));
        Assert.Equal(overdue.Sum(s => s.Count), file.Number("Completeness", file.Row("Completeness", 1, "All"), 11));
    }

    [Fact]
    public async Task The_surgery_date_range_keeps_the_operations_on_both_boundary_dates()
    {
        await ImportReferenceAsync();
        await using var db = Db();
        var everything = await RegistryLoader.LoadAsync(db);
        var dates = everything.Operations.Select(o => o.SurgeryDate!.Value).Distinct().Order().ToArray();
        var (from, to) = (dates[dates.Length / 3], dates[dates.Length / 2]);

        var kept = await StatisticsLoader.LoadAsync(db, new StatisticsFilter { SurgeryFrom = from, SurgeryTo = to });

        var expected = everything.Operations.Where(o => o.SurgeryDate >= from && o.SurgeryDate <= to).Select(o => o.CaseId).Order().ToArray();
        Assert.Contains(everything.Operations, o => o.SurgeryDate == from);
        Assert.Contains(everything.Operations, o => o.SurgeryDate == to);
        Assert.Equal(expected, kept.Operations.Select(o => o.CaseId).Order());
        // With the year filter too, both apply.
        var both = await StatisticsLoader.LoadAsync(db, new StatisticsFilter { SurgeryFrom = from, SurgeryTo = to, From = to.Year, To = to.Year });
        Assert.Equal(everything.Operations.Where(o => o.SurgeryDate >= from && o.SurgeryDate <= to && o.SurgeryDate!.Value.Year == to.Year).Select(o => o.CaseId).Order(),
            both.Operations.Select(o => o.CaseId).Order());
    }

    [Theory]
    [InlineData("--out|x.xlsx|--from|2020-02-30", "--from '2020-02-30' is not a date (yyyy-MM-dd)")]
    [InlineData("--out|x.xlsx|--to|31/12/2020", "--to '31/12/2020' is not a date (yyyy-MM-dd)")]
    [InlineData("--out|x.xlsx|--from|2020-01-01|--to|2019-12-31", "--from 2020-01-01 is after --to 2019-12-31")]
    [InlineData("--out|x.xlsx|--indication|OTHER", "--indication 'OTHER' is not one of HFS, TN, GPN")]
    [InlineData("--out|x.xls", "--out '{folder}/x.xls' must end in .xlsx")]
    [InlineData("--out|x.csv|--indication|HFS", "--out '{folder}/x.csv' must end in .xlsx")]
    [InlineData("--out|x.xlsx|--sites|HOU,,SEO", "--sites 'HOU,,SEO' has an empty site code")]
    public async Task Bad_arguments_are_a_usage_error_that_writes_nothing(string arguments, string message)
    {
        var folder = Path.Combine(_folder, "reports");
        var args = arguments.Split('|').Select(a => a.EndsWith(".xlsx") || a.EndsWith(".xls") || a.EndsWith(".csv") ? Path.Combine(folder, a) : a);

        var outcome = await CliRun.RunAsync(Database.Configuration, ["report", "outcomes", .. args]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("error: " + message.Replace("{folder}", folder), outcome.Error);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task An_unknown_site_is_invalid_input_named_with_the_registrys_sites_and_writes_nothing()
    {
        await ImportReferenceAsync();
        var path = Out("x.xlsx");

        var outcome = await CliRun.RunAsync(Database.Configuration, "report", "outcomes", "--out", path, "--sites", "HOU,XYZ");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("error: unknown site 'XYZ': the registry's sites are BCN, HOU, PIT, SEO. Nothing was written.", outcome.Error);
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

public sealed class SqliteReportCommandTests(SqliteTestDatabase database) : ReportCommandTests<SqliteTestDatabase>(database);

public sealed class PostgresReportCommandTests(PostgresTestDatabase database) : ReportCommandTests<PostgresTestDatabase>(database);
