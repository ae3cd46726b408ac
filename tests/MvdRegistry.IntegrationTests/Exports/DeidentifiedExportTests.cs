using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using MvdRegistry.Application.Statistics;
using MvdRegistry.IntegrationTests.Infrastructure;
using Sylvan.Data.Csv;

namespace MvdRegistry.IntegrationTests.Exports;

/// <summary>
/// The de-identified research export end to end, on the reference registry imported through the
/// command line: `mvd export --deidentified` in every format, read back apart from the code that wrote it.
/// </summary>
public abstract partial class DeidentifiedExportTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database), IDisposable
    where TDatabase : TestDatabase
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mvd-export-").FullName;

    /// <summary>The database's configuration with a pseudonym secret of the registry's own, as outside Development.</summary>
    protected IConfiguration Configuration => new ConfigurationBuilder()
        .AddConfiguration(Database.Configuration)
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Statistics:PseudonymKey"] = Secret })
        .Build();

    protected override async Task SeedAsync() =>
        Assert.Equal(0, (await CliRun.RunAsync(Database.Configuration, "import", Paths.ReferenceSmall)).ExitCode);

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    private string Out(string name) => Path.Combine(_folder, name);

    /// <summary>Runs the export and reads it back; <paramref name="output"/> ends in .xlsx, .zip, or names a folder.</summary>
    private async Task<ExportContents> ExportAsync(string output, params string[] filters)
    {
        var format = output.EndsWith(".xlsx", StringComparison.Ordinal) ? "xlsx" : "csv";
        var outcome = await CliRun.RunAsync(Configuration, ["export", "--deidentified", "--format", format, "--out", output, .. filters]);
        Assert.True(outcome.ExitCode == 0, outcome.Error);
        return format == "xlsx" ? ExportContents.ReadXlsx(output)
            : output.EndsWith(".zip", StringComparison.Ordinal) ? ExportContents.ReadZip(output)
            : ExportContents.ReadCsvFolder(output);
    }

    public static TheoryData<string> Outputs => new() { "export.xlsx", "export.zip", "folder" };

    [GeneratedRegex(@"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{1,2}\.\d{1,2}\.\d{4}\b")]
    private static partial Regex DateLike();

    [Theory]
    [MemberData(nameof(Outputs))]
    public async Task No_MRN_key_surgeon_code_or_date_is_in_any_cell_or_file(string output)
    {
        var identifiers = ReferenceIdentifiers.Load();
        Assert.True(identifiers.Dates > 3000 && identifiers.Texts.Count > 3000, "the reference registry seeds the identifiers looked for");
        var contents = await ExportAsync(Out(output));

        Assert.Equal(["analysis", "codebook", "complications", "followups", "imaging", "operations", "patients"], contents.Sheets.Keys.Order(StringComparer.Ordinal));
        Assert.True(contents.Cells.Count > 50_000, $"only {contents.Cells.Count} cells read");
        var found = new List<string>();
        foreach (var cell in contents.Cells)
        {
            found.AddRange(identifiers.FoundIn(cell.Text).Select(id => $"{cell.Sheet}.{cell.Column}: '{cell.Text}' holds {id}"));
            if (DateLike().IsMatch(cell.Text)) found.Add($"{cell.Sheet}.{cell.Column}: '{cell.Text}' looks like a date");
            if (cell.IsNumber && identifiers.Serials.Contains(cell.Text)) found.Add($"{cell.Sheet}.{cell.Column}: {cell.Text} is the serial number of a date");
            if (cell.DateFormatted) found.Add($"{cell.Sheet}.{cell.Column}: '{cell.Text}' is date-formatted");
        }
        foreach (var sheet in contents.Sheets)
            foreach (var header in sheet.Value[0])
                found.AddRange(identifiers.FoundIn(header).Select(id => $"{sheet.Key} header {header} holds {id}"));
        Assert.Equal(2, contents.OtherFiles.Count);
        foreach (var (name, text) in contents.OtherFiles)
        {
            found.AddRange(identifiers.FoundIn(text).Select(id => $"{name} holds {id}"));
            if (DateLike().IsMatch(text)) found.Add($"{name} holds a date: {DateLike().Match(text).Value}");
        }
        Assert.True(found.Count == 0, string.Join("\n", found.Take(20)));
        Assert.DoesNotContain(contents.Sheets.Values, table => table[0].Any(c => c is "mrn" or "birth_date" or "consent_withdrawn_date" || c.EndsWith("_date", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_seeded_identifier_would_be_found_by_the_scan()
    {
        // The scan above can fail: an identified export of the same registry is full of what it looks for.
        var identifiers = ReferenceIdentifiers.Load();
        var identified = Out("identified");
        await using (var db = Database.NewContext()) await Reporting.Demo.DemoUsers.SeedAsync(db);
        Assert.Equal(0, (await CliRun.RunAsync(Configuration, "export", "--format", "csv", "--out", identified, "--as", Reporting.Demo.DemoUsers.Administrator)).ExitCode);
        var contents = ExportContents.ReadCsvFolder(identified);
        Assert.Contains(contents.Cells, c => identifiers.FoundIn(c.Text).Any());
        Assert.Contains(contents.Cells, c => DateLike().IsMatch(c.Text));

        // And a date-formatted cell is seen as one: a workbook holding a date.
        var dated = Out("dated.xlsx");
        await MiniExcelLibs.MiniExcel.SaveAsAsync(dated, new[] { new Dictionary<string, object> { ["birth"] = new DateTime(1960, 5, 1) } });
        Assert.Contains(ExportContents.ReadXlsx(dated).Cells, c => c.DateFormatted);
    }

    [Fact]
    public async Task Patients_who_withdrew_consent_are_left_out()
    {
        var patients = ReadReference("patients.csv");
        var withdrawn = patients.Where(p => p["consent_status"] == "withdrawn").Select(p => p["patient_id"]).ToHashSet();
        var cases = ReadReference("cases.csv");
        var kept = cases.Where(c => !withdrawn.Contains(c["patient_id"])).ToList();
        Assert.NotEmpty(withdrawn);

        var contents = await ExportAsync(Out("export.xlsx"));

        Assert.Equal(patients.Count - withdrawn.Count, contents.Rows("patients").Count);
        Assert.Equal(kept.Count, contents.Rows("operations").Count);
        Assert.Equal(kept.Count, contents.Rows("analysis").Count);
        var expected = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Paths.ReferenceSmall, "expected.json")))!;
        Assert.Equal((int)expected["population"]!["operations"]!, contents.Rows("analysis").Count);
        Assert.DoesNotContain("withdrawn", contents.Column("patients", "consent_status"));
        var keptCases = kept.Select(c => c["case_id"]).ToHashSet();
        Assert.Equal(ReadReference("followups.csv").Count(f => keptCases.Contains(f["case_id"])), contents.Rows("followups").Count);
        Assert.Equal(ReadReference("complications.csv").Count(f => keptCases.Contains(f["case_id"])), contents.Rows("complications").Count);
        Assert.Equal(ReadReference("imaging.csv").Count(f => keptCases.Contains(f["case_id"])), contents.Rows("imaging").Count);
    }

    [Fact]
    public async Task Pseudonyms_are_stable_within_an_export_and_differ_between_two()
    {
        var first = await ExportAsync(Out("first"));
        var second = await ExportAsync(Out("second.zip"));

        foreach (var export in new[] { first, second })
        {
            var patients = export.Column("patients", "patient_id").ToHashSet();
            var cases = export.Column("operations", "case_id").ToHashSet();
            Assert.Equal(export.Rows("patients").Count, patients.Count);
            Assert.Equal(export.Rows("operations").Count, cases.Count);
            Assert.All(export.Column("operations", "patient_id"), p => Assert.Contains(p, patients));
            foreach (var sheet in new[] { "imaging", "followups", "complications" })
                Assert.All(export.Column(sheet, "case_id"), c => Assert.Contains(c, cases));
            Assert.Equal(cases.Order(), export.Column("analysis", "case_id").Order());
            var surgeons = export.Rows("operations").ToDictionary(r => r["case_id"], r => r["surgeon_code"]);
            Assert.All(export.Rows("analysis"), r => Assert.Equal(surgeons[r["case_id"]], r["surgeon_code"]));
            var patientOf = export.Rows("operations").ToDictionary(r => r["case_id"], r => r["patient_id"]);
            Assert.All(export.Rows("analysis"), r => Assert.Equal(patientOf[r["case_id"]], r["patient_id"]));
            // One pseudonym per surgeon code of the analysed operations.
            var patientsWithdrawn = ReadReference("patients.csv").Where(p => p["consent_status"] == "withdrawn").Select(p => p["patient_id"]).ToHashSet();
            var codes = ReadReference("cases.csv").Where(c => !patientsWithdrawn.Contains(c["patient_id"])).Select(c => c["surgeon_code"]).Distinct().Count();
            Assert.Equal(codes, surgeons.Values.Distinct().Count());
        }
        foreach (var (sheet, column) in new[] { ("patients", "patient_id"), ("operations", "case_id"), ("operations", "surgeon_code"), ("followups", "followup_id") })
            Assert.Empty(first.Column(sheet, column).Intersect(second.Column(sheet, column)));
    }

    [Theory]
    [MemberData(nameof(Outputs))]
    public async Task The_codebook_describes_every_column_and_every_code_found(string output)
    {
        var contents = await ExportAsync(Out(output));
        var codebook = contents.Rows("codebook");

        foreach (var (sheet, table) in contents.Sheets.Where(s => s.Key != "codebook"))
        {
            var entries = codebook.Where(e => e["sheet"] == sheet).ToList();
            Assert.Equal(table[0], entries.Select(e => e["column"]));
            foreach (var entry in entries)
            {
                foreach (var field in new[] { "label", "type", "derivation", "empty_means" })
                    Assert.False(string.IsNullOrWhiteSpace(entry[field]), $"{sheet}.{entry["column"]} has no {field}");
                var values = contents.Column(sheet, entry["column"]).Where(v => v.Length > 0).Distinct().ToList();
                if (entry["type"] is "code" or "binary")
                {
                    var codes = entry["codes"].Split('|').Select(c => c.Split('=')[0]).ToHashSet();
                    Assert.All(values, v => Assert.Contains(v, codes));
                }
                if (entry["type"] is "integer" or "decimal" or "binary")
                    Assert.All(values, v => Assert.True(decimal.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _), $"{sheet}.{entry["column"]}: '{v}' is not a number"));
            }
        }
        Assert.Contains(codebook, e => e["column"] == "age_at_surgery" && e["unit"] == "years");
        Assert.Contains(codebook, e => e["column"] == "indication" && e["codes"].Contains("HFS=Hemifacial spasm", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ages_of_90_and_over_are_shown_as_90()
    {
        var contents = await ExportAsync(Out("export.zip"));

        var ages = contents.Column("analysis", "age_at_surgery").Where(a => a.Length > 0).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(90, ages.Max());
        // The reference holds a patient aged 91 at surgery (P07902, born 1927-05-10).
        Assert.Contains(ReadReference("patients.csv"), p => p["birth_date"] == "1927-05-10");
    }

    [Fact]
    public async Task Filters_keep_the_operations_of_an_indication_sites_and_years()
    {
        var patients = ReadReference("patients.csv").ToDictionary(p => p["patient_id"]);
        var keptCases = ReadReference("cases.csv").Where(c =>
            c["indication"] == "HFS" && patients[c["patient_id"]]["consent_status"] != "withdrawn"
            && patients[c["patient_id"]]["site_code"] is "HOU" or "PIT"
            && int.Parse(c["surgery_date"][..4], CultureInfo.InvariantCulture) is >= 2015 and <= 2020).Select(c => c["case_id"]).ToHashSet();
        var expected = keptCases.Count;
        Assert.True(expected > 10);

        var contents = await ExportAsync(Out("filtered.xlsx"), "--indication", "HFS", "--sites", "HOU,PIT", "--from-year", "2015", "--to-year", "2020");

        Assert.Equal(expected, contents.Rows("analysis").Count);
        Assert.Equal(expected, contents.Rows("operations").Count);
        Assert.All(contents.Rows("analysis"), r => Assert.True(r["indication"] == "HFS" && r["site_code"] is "HOU" or "PIT"
            && int.Parse(r["surgery_year"], CultureInfo.InvariantCulture) is >= 2015 and <= 2020));
        Assert.Equal(contents.Column("operations", "patient_id").Distinct().Count(), contents.Rows("patients").Count);
        // The repeating forms: every row of a kept operation, and no other.
        var operations = contents.Column("operations", "case_id").ToHashSet();
        foreach (var (sheet, file) in new[] { ("imaging", "imaging.csv"), ("followups", "followups.csv"), ("complications", "complications.csv") })
        {
            var rows = ReadReference(file).Count(r => keptCases.Contains(r["case_id"]));
            Assert.True(rows > 0, sheet);
            Assert.Equal(rows, contents.Rows(sheet).Count);
            Assert.All(contents.Column(sheet, "case_id"), c => Assert.Contains(c, operations));
        }
    }

    [Fact]
    public async Task A_filtered_export_reads_the_rows_of_the_operations_it_keeps_and_an_unfiltered_one_each_table_whole()
    {
        await using var db = Db();
        string Sql(MvdRegistry.Reporting.Export.Deidentified.ExportFilter filter, string form)
        {
            using var query = new MvdRegistry.Reporting.Export.Deidentified.DeidentifiedQuery(db, filter);
            return query.Query(form).ToQueryString();
        }
        string[] children = [MvdRegistry.Core.Dictionary.Forms.Imaging, MvdRegistry.Core.Dictionary.Forms.FollowUp, MvdRegistry.Core.Dictionary.Forms.Complication];

        // Filtered: every form's rows are those of the operations of the indication, the repeating forms' by a join to them.
        foreach (var form in MvdRegistry.Core.Dictionary.Forms.All)
            Assert.Matches("indication\"? = ", Sql(new("HFS"), form));
        foreach (var form in children) Assert.Contains("JOIN", Sql(new(null, ["HOU"]), form));
        // Whole: the repeating forms are read alone and the operations all (a flag says which the export keeps): no join, no filter.
        foreach (var form in children) Assert.DoesNotContain("JOIN", Sql(new(), form));
        Assert.DoesNotContain("WHERE", Sql(new(), MvdRegistry.Core.Dictionary.Forms.Case));
    }

    [Theory]
    [MemberData(nameof(Outputs))]
    public async Task Read_export_R_prints_the_reference_numbers(string output)
    {
        var path = Out(output);
        await ExportAsync(path);
        var script = output.EndsWith(".xlsx", StringComparison.Ordinal) ? Path.ChangeExtension(path, ".read_export.R")
            : output.EndsWith(".zip", StringComparison.Ordinal) ? Unzipped(path) : Path.Combine(path, "read_export.R");

        AssertReferenceNumbers(await RScript.RunAsync(script));
    }

    /// <summary>What read_export.R printed is the reference registry's expected.json, computed in R apart from the registry.</summary>
    private static void AssertReferenceNumbers(Dictionary<string, double> printed)
    {
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(Paths.ReferenceSmall, "expected.json")))!;
        var success = expected["benefit"]!["HFS"]!["success_1y"]!;
        var km = expected["kaplan_meier"]!["time_to_resolution"]!;
        Assert.Equal((double)success["x"]!, printed["hfs_success_1y_x"]);
        Assert.Equal((double)success["n"]!, printed["hfs_success_1y_n"]);
        foreach (var (name, key) in new[] { ("p", "hfs_success_1y_p"), ("lower", "hfs_success_1y_lower"), ("upper", "hfs_success_1y_upper") })
            Assert.Equal((double)success[name]!, printed[key], 1e-9);
        Assert.Equal((double)km["n"]!, printed["km_resolution_n"]);
        Assert.Equal((double)km["events"]!, printed["km_resolution_events"]);
        Assert.Equal((double)km["median"]!, printed["km_resolution_median"]);
        Assert.Equal((double)km["median_lower"]!, printed["km_resolution_median_lower"]);
        Assert.Equal((double)km["median_upper"]!, printed["km_resolution_median_upper"]);
    }

    [Fact]
    public async Task The_progress_bar_s_row_estimate_counts_the_filtered_operations_and_scales_the_other_tables_by_their_share()
    {
        var patients = ReadReference("patients.csv").ToDictionary(p => p["patient_id"]);
        var cases = ReadReference("cases.csv");
        var kept = cases.Count(c => c["indication"] == "HFS" && patients[c["patient_id"]]["consent_status"] != "withdrawn");
        var followUps = ReadReference("followups.csv").Count;
        Assert.True(kept > 10 && kept < cases.Count);
        await using var db = Db();

        var estimate = await new MvdRegistry.Reporting.Export.Deidentified.DeidentifiedQuery(db, new MvdRegistry.Reporting.Export.Deidentified.ExportFilter("HFS")).EstimateAsync(CancellationToken.None);

        Assert.Equal(kept, estimate[MvdRegistry.Core.Dictionary.Forms.Case]);
        Assert.Equal((int)((long)followUps * kept / cases.Count), estimate[MvdRegistry.Core.Dictionary.Forms.FollowUp]);
        Assert.Equal((int)((long)patients.Count * kept / cases.Count), estimate[MvdRegistry.Core.Dictionary.Forms.Patient]);
    }

    [Fact]
    public async Task A_form_s_rows_are_selected_with_its_dictionary_variables_only()
    {
        await using var db = Db();
        var dictionary = MvdRegistry.Core.Dictionary.DataDictionary.Instance;
        var variables = dictionary.Form(MvdRegistry.Core.Dictionary.Forms.FollowUp).Select(v => v.PropertyName).ToHashSet();
        var columns = new MvdRegistry.Reporting.Export.Deidentified.RowColumns(db.Model, variables);

        var sql = db.FollowUps.Select(columns.Narrow((MvdRegistry.Core.Model.FollowUp f) => new { Row = f, f.CaseId })).ToQueryString();

        foreach (var audit in new[] { "created_at", "updated_at", "row_version" }) Assert.DoesNotContain(audit, sql);
        foreach (var variable in dictionary.Form(MvdRegistry.Core.Dictionary.Forms.FollowUp)) Assert.Contains(variable.Name, sql);
    }

    [Fact]
    public async Task The_rows_are_estimated_only_for_a_progress_bar()
    {
        await using var db = Db();
        var secret = "a-test-secret-of-more-than-thirty-two-characters";
        var export = new MvdRegistry.Reporting.Export.Deidentified.DeidentifiedExport(db, secret);
        var request = (string name) => new MvdRegistry.Reporting.Export.Deidentified.DeidentifiedExportRequest(MvdRegistry.Reporting.Export.Deidentified.ExportFormat.Csv, Out(name), new());
        var percents = new List<int>();

        var withoutProgress = await SentAsync(db, () => export.RunAsync(request("quiet")));
        var withProgress = await SentAsync(db, () => export.RunAsync(request("watched"), new SynchronousProgress(p => percents.Add(p.Percent))));

        Assert.DoesNotContain(withoutProgress, sql => sql.Contains("count(", StringComparison.OrdinalIgnoreCase));
        // The filtered operations, all operations, and the four other tables (DeidentifiedQuery.EstimateAsync).
        Assert.Equal(6, withProgress.Count(sql => sql.Contains("count(", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(withoutProgress.Count + 6, withProgress.Count);
        Assert.Contains(percents, p => p > 0 && p < 100);
        Assert.Equal(100, percents[^1]);
    }

    /// <summary>The SQL of the commands <paramref name="db"/> sends while <paramref name="run"/> runs (EF Core's diagnostic events, this context's only).</summary>
    private static async Task<List<string>> SentAsync(MvdRegistry.Data.RegistryDbContext db, Func<Task> run)
    {
        var sent = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var listeners = new Listeners(listener =>
            listener.Name == DbLoggerCategory.Name ? listener.Subscribe(new Events(e =>
            {
                if (e.Value is Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData data && data.Context == db
                    && e.Key == Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuting.Name)
                    sent.Enqueue(data.Command.CommandText);
            })) : null);
        using (System.Diagnostics.DiagnosticListener.AllListeners.Subscribe(listeners)) await run();
        return [.. sent];
    }

    private sealed class Listeners(Func<System.Diagnostics.DiagnosticListener, IDisposable?> onListener) : IObserver<System.Diagnostics.DiagnosticListener>, IDisposable
    {
        private readonly System.Collections.Concurrent.ConcurrentBag<IDisposable> _subscriptions = [];
        public void OnNext(System.Diagnostics.DiagnosticListener value) { if (onListener(value) is { } s) _subscriptions.Add(s); }
        public void OnCompleted() { }
        public void OnError(Exception error) { }
        public void Dispose() { foreach (var s in _subscriptions) s.Dispose(); }
    }

    private sealed class Events(Action<KeyValuePair<string, object?>> onEvent) : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value) => onEvent(value);
        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool, after the run may have returned).</summary>
    private sealed class SynchronousProgress(Action<(int Percent, string Text)> report) : IProgress<(int Percent, string Text)>
    {
        public void Report((int Percent, string Text) value) => report(value);
    }

    private string Unzipped(string zip)
    {
        var folder = Out("unzipped");
        System.IO.Compression.ZipFile.ExtractToDirectory(zip, folder);
        return Path.Combine(folder, "read_export.R");
    }

    private static List<Dictionary<string, string>> ReadReference(string file)
    {
        using var csv = CsvDataReader.Create(Path.Combine(Paths.ReferenceSmall, file));
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read()) rows.Add(Enumerable.Range(0, csv.FieldCount).ToDictionary(csv.GetName, csv.GetString));
        return rows;
    }
}

public sealed class SqliteDeidentifiedExportTests(SqliteTestDatabase database) : DeidentifiedExportTests<SqliteTestDatabase>(database);

public sealed class PostgresDeidentifiedExportTests(PostgresTestDatabase database) : DeidentifiedExportTests<PostgresTestDatabase>(database)
{
    /// <summary>The planner settings the export's reads use (see ReadingSession) are the session's own: reset on the connection when it ends.</summary>
    [Fact]
    public async Task The_export_s_planner_settings_are_reset_on_its_connection_when_it_ends()
    {
        await using var db = Db();
        // Opened here, the connection stays open after the export (EF Core closes only what it opened), so the settings it left are visible.
        await db.Database.OpenConnectionAsync();
        var before = await SettingsAsync(db);
        var output = Path.Combine(Directory.CreateTempSubdirectory("mvd-planner-").FullName, "export.xlsx");

        await new MvdRegistry.Reporting.Export.Deidentified.DeidentifiedExport(db, "a-test-secret-of-more-than-thirty-two-characters")
            .RunAsync(new MvdRegistry.Reporting.Export.Deidentified.DeidentifiedExportRequest(MvdRegistry.Reporting.Export.Deidentified.ExportFormat.Xlsx, output, new()));

        Assert.True(File.Exists(output));
        Assert.Equal(before, await SettingsAsync(db));
        Assert.Equal(["4", "2", "on"], before);
        Directory.Delete(Path.GetDirectoryName(output)!, recursive: true);
    }

    private static async Task<string[]> SettingsAsync(MvdRegistry.Data.RegistryDbContext db) =>
        [
            .. await db.Database.SqlQueryRaw<string>("SELECT current_setting('random_page_cost') AS \"Value\"").ToListAsync(),
            .. await db.Database.SqlQueryRaw<string>("SELECT current_setting('max_parallel_workers_per_gather') AS \"Value\"").ToListAsync(),
            .. await db.Database.SqlQueryRaw<string>("SELECT current_setting('jit') AS \"Value\"").ToListAsync(),
        ];
}
