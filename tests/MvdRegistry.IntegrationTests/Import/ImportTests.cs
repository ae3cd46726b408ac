using Microsoft.EntityFrameworkCore;
using MvdRegistry.Application.Saving;
using MvdRegistry.Application.Scheduling;
using MvdRegistry.Application.Users;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;
using MvdRegistry.IntegrationTests.Entry;
using MvdRegistry.IntegrationTests.Infrastructure;

namespace MvdRegistry.IntegrationTests.Import;

public abstract class ImportTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private Task<CliOutcome> Cli(params string[] args) => CliRun.RunAsync(Database.Configuration, args);

    [Fact]
    public async Task The_reference_registry_imports_with_its_warning_and_every_row()
    {
        var outcome = await Cli("import", Paths.ReferenceSmall);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("warning: cases.csv:212: side: bilateral hemifacial spasm", outcome.Out);
        var counts = await Database.CountRowsAsync();
        Assert.Equal(408, counts["patients"]);
        Assert.Equal(433, counts["operations"]);
        Assert.Equal(495, counts["imaging"]);
        Assert.Equal(1761, counts["followups"]);
        Assert.Equal(103, counts["complications"]);
        // One audit row for the import, none per record.
        Assert.Equal(1, counts["audit"]);
    }

    [Fact]
    public async Task Importing_the_same_bundle_twice_changes_nothing_the_second_time()
    {
        Assert.Equal(0, (await Cli("import", Paths.ReferenceSmall)).ExitCode);
        var before = await Database.CountRowsAsync();

        var second = await Cli("import", Paths.ReferenceSmall);

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("0 inserted, 0 updated, 3200 unchanged", second.Out);
        Assert.Equal(before, await Database.CountRowsAsync());
    }

    [Fact]
    public async Task A_changed_value_in_a_reimport_updates_that_record_and_is_audited()
    {
        Assert.Equal(0, (await Cli("import", Paths.ReferenceSmall)).ExitCode);
        using var bundle = BundleFolder.CopyOf(Paths.ReferenceSmall);
        bundle.Set("cases.csv", "C07000001", "duration_min", "181");

        var outcome = await Cli("import", bundle.Path);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("0 inserted, 1 updated, 3199 unchanged", outcome.Out);
        await using var db = Database.NewContext();
        var operation = await db.Operations.SingleAsync(o => o.CaseId == "C07000001");
        Assert.Equal(181, operation.DurationMin);
        Assert.Equal(2, operation.Version);
        var audit = await db.AuditLog.SingleAsync(a => a.Action == AuditAction.Update);
        Assert.Equal(("case", "C07000001", "duration_min", "157", "181"), (audit.Entity, audit.Key, audit.Field, audit.OldValue, audit.NewValue));
        Assert.StartsWith("cli:", audit.User);
    }

    [Fact]
    public async Task Site_and_surgeon_codes_met_for_the_first_time_are_created()
    {
        Assert.Equal(0, (await Cli("import", Paths.ReferenceSmall)).ExitCode);

        await using var db = Database.NewContext();
        Assert.Contains(await db.Sites.Select(s => s.Code).ToListAsync(), c => c == "HOU");
        Assert.Contains(await db.Surgeons.Select(s => s.Code).ToListAsync(), c => c == "HOU-S2");
    }

    [Fact]
    public async Task Export_after_import_reproduces_every_row_and_value()
    {
        Assert.Equal(0, (await Cli("import", Paths.ReferenceSmall)).ExitCode);
        var output = Directory.CreateTempSubdirectory("mvd-export-").FullName;
        try
        {
            await using (var db = Database.NewContext()) await Reporting.Demo.DemoUsers.SeedAsync(db);
            var outcome = await Cli("export", "--format", "csv", "--out", output, "--as", Reporting.Demo.DemoUsers.Administrator);

            Assert.Equal(0, outcome.ExitCode);
            foreach (var file in new[] { "patients.csv", "cases.csv", "imaging.csv", "followups.csv", "complications.csv" })
                BundleComparison.AssertSameRows(Path.Combine(Paths.ReferenceSmall, file), Path.Combine(output, file));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task Export_with_a_bad_format_is_a_usage_error()
    {
        var outcome = await Cli("export", "--format", "xls", "--out", "somewhere");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("xls", outcome.Error);
    }

    public static TheoryData<string, string, string, string, string> BadCells => new()
    {
        // file, row key, column, bad value, the message expected after "file:line: column: "
        { "patients.csv", "P0700001", "sex", "X", "'X' is not one of the choices" },
        { "cases.csv", "C07000001", "symptom_duration_months", "901", "901 is above the maximum 900" },
        { "cases.csv", "C07000001", "bmi", "9.5", "9.5 is below the minimum 10" },
        { "cases.csv", "C07000001", "duration_min", "long", "'long' is not a whole number" },
        { "followups.csv", "F070000001", "visit_date", "2012-02-30", "'2012-02-30' is not a date (yyyy-MM-dd)" },
        { "followups.csv", "F070000001", "visit_date", "06/11/2012", "'06/11/2012' is not a date (yyyy-MM-dd)" },
        { "cases.csv", "C07000001", "approach", "", "is required" },
        { "cases.csv", "C07000001", "redo", "maybe", "'maybe' is not yes, no or unknown" },
        { "cases.csv", "C07000001", "vessel_op___PICA", "2", "'2' is not 1 or 0" },
        { "patients.csv", "P0700001", "birth_date", "2099-01-01", "2099-01-01 is in the future" },
        // cross-field rules
        { "followups.csv", "F070000001", "visit_date", "2012-11-02", "2012-11-02 is before the date of surgery (2012-11-03)" },
        { "cases.csv", "C07000001", "discharge_date", "2012-11-02", "2012-11-02 is before the date of surgery (2012-11-03)" },
        { "complications.csv", "X07000001", "onset_date", "2013-05-23", "2013-05-23 is before the date of surgery (2013-05-24)" },
        { "complications.csv", "X07000001", "resolution_date", "2013-06-03", "2013-06-03 is before the onset (2013-06-04)" },
        { "patients.csv", "P0700001", "consent_withdrawn_date", "2015-01-01", "does not apply here: it applies only when Consent is Withdrawn" },
        { "cases.csv", "C07000001", "vessel_primary", "AICA", "AICA is not among the offending vessels ticked as found at surgery" },
        { "cases.csv", "C07000001", "vessel_op___NONE", "1", "'No conflict found' cannot be ticked together with a vessel" },
        { "cases.csv", "C07000004", "botox_cycles", "3", "does not apply here: it applies only when Botulinum toxin before surgery is Yes" },
        { "cases.csv", "C07000014", "hfs_onset", "typical", "does not apply here: it applies only when the indication is hemifacial spasm" },
        { "complications.csv", "X07000059", "clavien_dindo", "IVb", "a death is Clavien-Dindo grade V, not IVb" },
    };

    [Theory]
    [MemberData(nameof(BadCells))]
    public async Task A_bad_value_is_reported_with_file_line_and_column_and_nothing_is_written(string file, string key, string column, string value, string message)
    {
        using var bundle = BundleFolder.CopyOf(Paths.ReferenceSmall);
        var line = bundle.Set(file, key, column, value);

        await AssertRejected(bundle, $"{file}:{line}: {column}: {message}");
    }

    [Fact]
    public async Task An_unknown_column_is_rejected()
    {
        using var bundle = BundleFolder.CopyOf(Paths.ReferenceSmall);
        bundle.RenameColumn("cases.csv", "bmi", "body_mass");

        await AssertRejected(bundle, "cases.csv:1: body_mass: unknown column", "cases.csv:1: bmi: missing column");
    }

    [Fact]
    public async Task A_missing_column_is_rejected_so_no_value_is_blanked_by_omission()
    {
        using var bundle = BundleFolder.CopyOf(Paths.ReferenceSmall);
        bundle.DropColumn("followups.csv", "hb_grade");

        await AssertRejected(bundle, "followups.csv:1: hb_grade: missing column");
    }

    [Fact]
    public async Task A_duplicate_key_is_rejected()
    {
        using var bundle = BundleFolder.CopyOf(Paths.ReferenceSmall);
        var line = bundle.AppendCopy("patients.csv", "P0700001");

        await AssertRejected(bundle, $"patients.csv:{line}: patient_id: duplicate key P0700001 (first on line 2)");
    }

    [Fact]
    public async Task A_row_pointing_at_a_missing_parent_is_rejected()
    {
        using var bundle = BundleFolder.CopyOf(Paths.ReferenceSmall);
        var line = bundle.AppendCopy("followups.csv", "F070000001", ("followup_id", "F999999999"), ("case_id", "C99999999"));

        await AssertRejected(bundle, $"followups.csv:{line}: case_id: C99999999 is neither in cases.csv nor in the registry");
    }

    [Fact]
    public async Task Two_visits_of_one_operation_on_one_date_are_rejected()
    {
        using var bundle = BundleFolder.CopyOf(Paths.ReferenceSmall);
        var line = bundle.AppendCopy("followups.csv", "F070000001", ("followup_id", "F999999999"));

        await AssertRejected(bundle, $"followups.csv:{line}: visit_date: operation C07000001 already has visit F070000001 on 2012-11-06");
    }

    [Fact]
    public async Task A_visit_after_a_recorded_death_is_rejected()
    {
        using var bundle = BundleFolder.CopyOf(Paths.ReferenceSmall);
        var died = bundle.Get("complications.csv", "X07000059", "onset_date");
        var after = DateOnly.ParseExact(died, "yyyy-MM-dd").AddDays(3).ToString("yyyy-MM-dd");
        var line = bundle.AppendCopy("followups.csv", "F070000001", ("followup_id", "F999999999"), ("case_id", "C07000254"), ("visit_date", after));

        await AssertRejected(bundle, $"followups.csv:{line}: visit_date: {after} is after the death recorded on {died}");
    }

    [Fact]
    public async Task A_missing_file_is_rejected()
    {
        using var bundle = BundleFolder.CopyOf(Paths.ReferenceSmall);
        File.Delete(Path.Combine(bundle.Path, "imaging.csv"));

        await AssertRejected(bundle, "imaging.csv:0: file is missing from the bundle");
    }

    [Fact]
    public async Task Every_problem_is_listed_not_only_the_first()
    {
        using var bundle = BundleFolder.CopyOf(Paths.ReferenceSmall);
        var first = bundle.Set("patients.csv", "P0700001", "sex", "X");
        var second = bundle.Set("cases.csv", "C07000001", "side", "up");

        await AssertRejected(bundle, $"patients.csv:{first}: sex:", $"cases.csv:{second}: side:");
    }

    [Fact]
    public async Task A_rejected_reimport_leaves_the_registry_as_it_was()
    {
        Assert.Equal(0, (await Cli("import", Paths.ReferenceSmall)).ExitCode);
        var before = await Database.CountRowsAsync();
        using var bundle = BundleFolder.CopyOf(Paths.ReferenceSmall);
        bundle.Set("cases.csv", "C07000001", "duration_min", "181");
        bundle.Set("cases.csv", "C07000002", "duration_min", "19");

        var outcome = await Cli("import", bundle.Path);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(before, await Database.CountRowsAsync());
        await using var db = Database.NewContext();
        Assert.Equal(157, (await db.Operations.SingleAsync(o => o.CaseId == "C07000001")).DurationMin);
    }

    private async Task AssertRejected(BundleFolder bundle, params string[] expected)
    {
        var outcome = await Cli("import", bundle.Path);

        Assert.Equal(1, outcome.ExitCode);
        foreach (var text in expected) Assert.Contains(text, outcome.Error);
        Assert.Contains("nothing was imported", outcome.Error);
        Assert.All(await Database.CountRowsAsync(), pair => Assert.Equal(0, pair.Value));
    }
}

public sealed class SqliteImportTests(SqliteTestDatabase database) : ImportTests<SqliteTestDatabase>(database);

public sealed class PostgresImportTests(PostgresTestDatabase database) : ImportTests<PostgresTestDatabase>(database)
{
    /// <summary>
    /// Without it the planner takes the freshly filled tables for a few rows until autovacuum's next pass,
    /// and the export's analysis batch read every follow-up once per follow-up.
    /// </summary>
    [Fact]
    public async Task An_import_leaves_the_planner_statistics_of_the_five_record_tables_refreshed()
    {
        Assert.Equal(0, (await CliRun.RunAsync(Database.Configuration, "import", Paths.ReferenceSmall)).ExitCode);

        await using var db = Database.NewContext();
        var analysed = await db.Database.SqlQueryRaw<string>(
            "SELECT relname AS \"Value\" FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL ORDER BY relname").ToListAsync();
        Assert.Equal(["complications", "followups", "imaging_studies", "operations", "patients"], analysed);
    }
}
