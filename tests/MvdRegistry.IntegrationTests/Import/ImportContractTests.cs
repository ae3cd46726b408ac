using System.Text;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.IntegrationTests.Infrastructure;

namespace MvdRegistry.IntegrationTests.Import;

/// <summary>
/// The import contract through `mvd import`: each malformed file and each untrusted value is listed as
/// file:line: column: message, the exit code is 1, no stack trace is printed, and nothing is written:
/// neither into an empty registry nor over the values a registry already holds.
/// </summary>
public abstract class ImportContractTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private Task<CliOutcome> Cli(params string[] args) => CliRun.RunAsync(Database.Configuration, args);

    private static string FilePath(BundleFolder bundle, string file) => Path.Combine(bundle.Path, file);

    /// <summary>Replaces the line of <paramref name="file"/> that begins with <paramref name="key"/>; returns its line number.</summary>
    private static int ReplaceLine(BundleFolder bundle, string file, string key, Func<string, string> change)
    {
        var lines = File.ReadAllText(FilePath(bundle, file)).Split("\r\n").ToList();
        var index = lines.FindIndex(l => l.StartsWith(key + ",", StringComparison.Ordinal));
        lines[index] = change(lines[index]);
        File.WriteAllText(FilePath(bundle, file), string.Join("\r\n", lines));
        return index + 1;
    }

    [Fact]
    public async Task A_reimported_row_with_fewer_fields_is_refused_and_blanks_nothing()
    {
        Assert.Equal(0, (await Cli("import", Paths.ReferenceSmall)).ExitCode);
        var before = await Database.CountRowsAsync();
        using var bundle = BundleFolder.CopyOf(Paths.ReferenceSmall);
        var line = ReplaceLine(bundle, "complications.csv", "X07000001", l => l[..l.LastIndexOf(',')]);

        await AssertRejected(bundle, before, $"complications.csv:{line}: reoperation: the row has 9 fields but the header has 10: it ends before reoperation (no value is left blank by omission)");

        await using var db = Database.NewContext();
        var complication = await db.Complications.SingleAsync(c => c.ComplicationId == "X07000001");
        Assert.Equal(("no", 1), (complication.Reoperation, complication.Version));
    }

    [Fact]
    public async Task A_row_with_more_fields_than_the_header_is_refused()
    {
        using var bundle = BundleFolder.CopyOf(Paths.ReferenceSmall);
        var line = ReplaceLine(bundle, "complications.csv", "X07000001", l => l + ",surplus");

        await AssertRejected(bundle, null, $"complications.csv:{line}: field 11: the row has 11 fields but the header has 10: remove the extra fields, or quote a value that holds a comma");
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_is_refused_with_the_advice_to_save_as_csv_utf8_and_nothing_is_stored()
    {
        using var bundle = BundleFolder.CopyOf(Paths.ReferenceSmall);
        var line = bundle.Set("patients.csv", "P0700001", "mrn", "HOUé2171979");
        File.WriteAllBytes(FilePath(bundle, "patients.csv"), Encoding.Latin1.GetBytes(File.ReadAllText(FilePath(bundle, "patients.csv"))));

        await AssertRejected(bundle, null, $"patients.csv:{line}: mrn: the text is not valid UTF-8 (a byte that is not UTF-8, read as U+FFFD): save the file as \"CSV UTF-8\" and import it again");
    }

    [Fact]
    public async Task Utf8_accented_letters_are_stored_exactly()
    {
        using var bundle = BundleFolder.CopyOf(Paths.ReferenceSmall);
        bundle.Set("patients.csv", "P0700001", "mrn", "HOUé2171979");

        Assert.Equal(0, (await Cli("import", bundle.Path)).ExitCode);

        await using var db = Database.NewContext();
        Assert.Equal("HOUé2171979", (await db.Patients.SingleAsync(p => p.PatientId == "P0700001")).Mrn);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF })]
    [InlineData(new byte[] { 0x0D, 0x0A })]
    public async Task An_empty_file_is_refused(byte[] content)
    {
        using var bundle = BundleFolder.CopyOf(Paths.ReferenceSmall);
        File.WriteAllBytes(FilePath(bundle, "complications.csv"), content);

        await AssertRejected(bundle, null, "complications.csv:1: header: the file is empty: its first line must name the columns");
    }

    [Fact]
    public async Task An_unterminated_quote_is_refused_at_the_line_where_it_opens()
    {
        using var bundle = BundleFolder.CopyOf(Paths.ReferenceSmall);
        var line = bundle.Set("followups.csv", "F070000002", "hb_grade", "\"2");

        await AssertRejected(bundle, null, $"followups.csv:{line}: hb_grade: the double quote that opens this value is never closed: the rest of the file was read as part of it");
    }

    [Fact]
    public async Task An_over_long_field_is_refused_without_an_exception()
    {
        using var bundle = BundleFolder.CopyOf(Paths.ReferenceSmall);
        var line = bundle.Set("patients.csv", "P0700002", "mrn", new string('7', 3_000_000));

        await AssertRejected(bundle, null, $"patients.csv:{line}: mrn: the value is longer than 200 characters, the most the data dictionary allows");
    }

    [Fact]
    public async Task Line_numbers_stay_physical_after_a_quoted_field_that_spans_lines()
    {
        using var bundle = BundleFolder.CopyOf(Paths.ReferenceSmall);
        var spanning = ReplaceLine(bundle, "patients.csv", "P0700001", l => l.Replace(",HOU2171979,", ",\"HOU\r\n2171979\",", StringComparison.Ordinal));
        // P0700002 was on line 3; the spanning field pushed it to line 4, where an editor shows it.
        var next = ReplaceLine(bundle, "patients.csv", "P0700002", l => l.Replace(",F,", ",X,", StringComparison.Ordinal));

        Assert.Equal(4, next);
        await AssertRejected(bundle, null,
            $"patients.csv:{spanning}: mrn: holds an invisible or control character (U+000D carriage return) at position 4: type the value again without it",
            "patients.csv:4: sex: 'X' is not one of the choices (F, M, U)");
    }

    public static TheoryData<string, string, string, string, string> UntrustedCells => new()
    {
        // file, row key, column, bad value (as written in the file), the message expected after "file:line: column: "
        { "patients.csv", "P0700001", "mrn", "=1+1", "'=1+1' begins with =: a text value may not begin with =, +, - or @ (a spreadsheet would run it as a formula)" },
        { "patients.csv", "P0700001", "mrn", "@SUM(A1)", "'@SUM(A1)' begins with @" },
        { "patients.csv", "P0700001", "mrn", "HOU\u200B2171979", "holds an invisible or control character (U+200B) at position 4" },
        { "patients.csv", "P0700001", "mrn", "HOU\u202E2171979", "holds an invisible or control character (U+202E) at position 4" },
        { "patients.csv", "P0700001", "mrn", "HOU\t2171979", "holds an invisible or control character (U+0009 tab) at position 4" },
        { "patients.csv", "P0700001", "site_code", "HOU/X", "'HOU/X' is not a valid code: 1 to 32 letters A-Z, digits, '-', '_' or '.', beginning with a letter or a digit" },
        { "cases.csv", "C07000001", "surgeon_code", "+HOU-S2", "'+HOU-S2' is not a valid code" },
        { "cases.csv", "C07000001", "bmi", "\"26,7\"", "'26,7' has a comma: write a decimal with a point (26.4), and no thousands separator" },
        { "cases.csv", "C07000001", "duration_min", "\"157,5\"", "'157,5' has a comma: write a decimal with a point (26.4), and no thousands separator" },
    };

    [Theory]
    [MemberData(nameof(UntrustedCells))]
    public async Task An_untrusted_value_is_refused_over_a_registry_that_keeps_its_values(string file, string key, string column, string value, string message)
    {
        Assert.Equal(0, (await Cli("import", Paths.ReferenceSmall)).ExitCode);
        var before = await Database.CountRowsAsync();
        using var bundle = BundleFolder.CopyOf(Paths.ReferenceSmall);
        var line = bundle.Set(file, key, column, value);

        await AssertRejected(bundle, before, $"{file}:{line}: {column}: {message}");

        await using var db = Database.NewContext();
        var patient = await db.Patients.SingleAsync(p => p.PatientId == "P0700001");
        var operation = await db.Operations.SingleAsync(o => o.CaseId == "C07000001");
        Assert.Equal(("HOU", "HOU2171979", 1), (patient.SiteCode, patient.Mrn, patient.Version));
        Assert.Equal(("HOU-S2", 26.7m, 157, 1), (operation.SurgeonCode, operation.Bmi, operation.DurationMin, operation.Version));
    }

    [Theory]
    [InlineData("P1é")]
    [InlineData("P1/../X")]
    [InlineData("-P1")]
    public async Task A_new_key_outside_the_syntax_is_refused(string key)
    {
        using var bundle = BundleFolder.CopyOf(Paths.ReferenceSmall);
        var line = bundle.AppendCopy("patients.csv", "P0700001", ("patient_id", key), ("mrn", "HOU0000001"));

        await AssertRejected(bundle, null, $"patients.csv:{line}: patient_id: '{key}' is not a valid key: 1 to 32 letters A-Z, digits, '-', '_' or '.', beginning with a letter or a digit");
    }

    [Fact]
    public async Task A_new_patient_with_the_mrn_of_a_registry_patient_of_the_same_site_is_refused_naming_that_patient()
    {
        Assert.Equal(0, (await Cli("import", Paths.ReferenceSmall)).ExitCode);
        var before = await Database.CountRowsAsync();
        using var bundle = BundleFolder.CopyOf(Paths.ReferenceSmall);
        var row = bundle.AppendCopy("patients.csv", "P0700001", ("patient_id", "P0799999"), ("mrn", "hou2171979"));
        // A bundle of that one new patient: every other file keeps only its header.
        foreach (var file in Directory.GetFiles(bundle.Path))
        {
            var lines = File.ReadAllText(file).Split("\r\n");
            File.WriteAllText(file, lines[0] + "\r\n" + (Path.GetFileName(file) == "patients.csv" ? lines[row - 1] + "\r\n" : ""));
        }

        await AssertRejected(bundle, before, "patients.csv:2: mrn: MRN hou2171979 already belongs to patient P0700001 of site HOU (in the registry): one patient per MRN and site");
    }

    [Fact]
    public async Task Two_new_patients_of_one_site_with_one_mrn_in_a_bundle_are_refused()
    {
        using var bundle = BundleFolder.CopyOf(Paths.ReferenceSmall);
        var line = bundle.AppendCopy("patients.csv", "P0700001", ("patient_id", "P0799999"));

        await AssertRejected(bundle, null, $"patients.csv:{line}: mrn: MRN HOU2171979 already belongs to patient P0700001 of site HOU (on line 2): one patient per MRN and site");
    }

    /// <param name="before">The row counts before the import; null for an empty registry.</param>
    private async Task AssertRejected(BundleFolder bundle, Dictionary<string, int>? before, params string[] expected)
    {
        var outcome = await Cli("import", bundle.Path);

        Assert.Equal(1, outcome.ExitCode);
        foreach (var text in expected) Assert.Contains(text, outcome.Error);
        Assert.Contains("nothing was imported", outcome.Error);
        Assert.DoesNotContain("Exception", outcome.Error + outcome.Out);
        Assert.DoesNotContain("   at ", outcome.Error + outcome.Out);
        var counts = await Database.CountRowsAsync();
        if (before is null) Assert.All(counts, pair => Assert.Equal(0, pair.Value));
        else Assert.Equal(before, counts);
    }
}

public sealed class SqliteImportContractTests(SqliteTestDatabase database) : ImportContractTests<SqliteTestDatabase>(database);

public sealed class PostgresImportContractTests(PostgresTestDatabase database) : ImportContractTests<PostgresTestDatabase>(database);
