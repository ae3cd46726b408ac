using Microsoft.Extensions.Configuration;
using MvdRegistry.IntegrationTests.Infrastructure;
using MvdRegistry.Reporting.Export.Deidentified;

namespace MvdRegistry.IntegrationTests.Exports;

/// <summary>Every bad request of `mvd export` says what is wrong, exits non-zero and writes nothing.</summary>
public abstract class ExportArgumentsTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database), IDisposable
    where TDatabase : TestDatabase
{
    private const string Secret = "a-test-secret-of-more-than-thirty-two-characters";
    private readonly string _folder = Directory.CreateTempSubdirectory("mvd-export-args-").FullName;

    protected override async Task SeedAsync()
    {
        await Database.SeedAsync(new Seed().Site("HOU").Surgeon("HOU-S1").Patient("P1", "HOU").HfsOperation("C1", "P1", "HOU-S1"));
    }

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    private IConfiguration With(params (string Key, string Value)[] settings) => new ConfigurationBuilder()
        .AddConfiguration(Database.Configuration)
        .AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value))
        .Build();

    public static TheoryData<string, int, string> BadRequests => new()
    {
        { "--deidentified --format xlsx --out {0}/export.csv", 1, "ending in .xlsx" },
        { "--deidentified --format csv --out {0}/export.csv", 1, "a folder or to a file ending in .zip" },
        { "--deidentified --format csv --out {0}/out --indication XYZ", 1, "--indication 'XYZ' is not an indication" },
        { "--deidentified --format xlsx --out {0}/e.xlsx --sites HOU,NOPE", 1, "--sites: 'NOPE' is not a site of the registry" },
        { "--deidentified --format xlsx --out {0}/e.xlsx --from-year 2020 --to-year 2010", 1, "--from-year 2020 is after --to-year 2010" },
        { "--deidentified --format xlsx --out {0}/e.xlsx --from-year 1850", 1, "--from-year 1850 is not a year of surgery" },
        { "--deidentified --format xlsx --out {0}/e.xlsx --from-year abc", 2, "abc" },
        { "--deidentified --format pdf --out {0}/e.pdf", 2, "pdf" },
        { "--deidentified --format xlsx", 2, "--out" },
        { "--format xlsx --out {0}/e.xlsx", 2, "add --deidentified" },
        { "--format csv --out {0}/out --indication HFS", 2, "add --deidentified" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_request_says_why_and_writes_nothing(string arguments, int exitCode, string message)
    {
        var outcome = await CliRun.RunAsync(With(("Statistics:PseudonymKey", Secret)), ["export", .. string.Format(arguments, _folder).Split(' ')]);

        Assert.Equal(exitCode, outcome.ExitCode);
        Assert.Contains(message, outcome.Error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
    }

    [Fact]
    public async Task A_folder_that_is_not_empty_is_refused_and_left_as_it_was()
    {
        var folder = Path.Combine(_folder, "taken");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "notes.txt"), "mine");

        var outcome = await CliRun.RunAsync(With(("Statistics:PseudonymKey", Secret)), "export", "--deidentified", "--format", "csv", "--out", folder);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("is a folder that is not empty", outcome.Error);
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData(null, "Statistics:PseudonymKey is not set")]
    [InlineData("short-secret", "is too short")]
    [InlineData("mvd-registry-development-pseudonyms", "is the public development key")]
    public async Task Outside_Development_the_export_needs_the_registry_s_own_secret(string? key, string message)
    {
        var settings = key is null ? [] : new[] { ("Statistics:PseudonymKey", key) };

        var outcome = await CliRun.RunAsync(With(settings), "export", "--deidentified", "--format", "xlsx", "--out", Path.Combine(_folder, "e.xlsx"));

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains(message, outcome.Error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
    }

    [Fact]
    public async Task In_Development_the_built_in_key_is_used()
    {
        var outcome = await CliRun.RunAsync(With(("DOTNET_ENVIRONMENT", "Development")), "export", "--deidentified", "--format", "xlsx", "--out", Path.Combine(_folder, "e.xlsx"));

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Assert.True(File.Exists(Path.Combine(_folder, "e.xlsx")));
    }

    [Theory]
    [InlineData(ExportFormat.Xlsx, "e.xlsx")]
    [InlineData(ExportFormat.Csv, "e.zip")]
    [InlineData(ExportFormat.Csv, "folder")]
    public async Task A_cancelled_export_leaves_no_file_behind(ExportFormat format, string name)
    {
        using var cancel = new CancellationTokenSource();
        var progress = new CancelOnRow(cancel);
        await using var db = Db();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new DeidentifiedExport(db, Secret).RunAsync(new DeidentifiedExportRequest(format, Path.Combine(_folder, name), new ExportFilter()), progress, cancel.Token));

        Assert.True(progress.Reports > 1, "the export was under way when cancelled");
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
    }

    [Fact]
    public async Task The_use_case_reports_rows_per_sheet_progress_and_the_file_s_SHA_256()
    {
        var reports = new List<(int Percent, string Text)>();
        await using var db = Db();
        var path = Path.Combine(_folder, "e.xlsx");

        var result = await new DeidentifiedExport(db, Secret).RunAsync(new DeidentifiedExportRequest(ExportFormat.Xlsx, path, new ExportFilter()), new Recorder(reports));

        Assert.Equal(["patients", "operations", "imaging", "followups", "complications", "analysis", "codebook"], result.RowsPerSheet.Select(r => r.Key));
        Assert.Equal([1, 1, 0, 0, 0, 1], result.RowsPerSheet.Take(6).Select(r => r.Value));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(path))), result.Sha256);
        Assert.Equal(0, reports[0].Percent);
        Assert.Equal(100, reports[^1].Percent);
        Assert.True(reports.Zip(reports.Skip(1)).All(p => p.First.Percent <= p.Second.Percent), "progress never goes back");
    }

    /// <summary>Synchronous, unlike Progress&lt;T&gt;, so the report order is the export's.</summary>
    private sealed class Recorder(List<(int, string)> reports) : IProgress<(int Percent, string Text)>
    {
        public void Report((int Percent, string Text) value) => reports.Add(value);
    }

    private sealed class CancelOnRow(CancellationTokenSource cancel) : IProgress<(int Percent, string Text)>
    {
        public int Reports { get; private set; }

        public void Report((int Percent, string Text) value)
        {
            if (++Reports == 2) cancel.Cancel();
        }
    }
}

public sealed class SqliteExportArgumentsTests(SqliteTestDatabase database) : ExportArgumentsTests<SqliteTestDatabase>(database);

public sealed class PostgresExportArgumentsTests(PostgresTestDatabase database) : ExportArgumentsTests<PostgresTestDatabase>(database);
