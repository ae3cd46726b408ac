using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using MvdRegistry.Core.Model;
using MvdRegistry.IntegrationTests.Infrastructure;
using MvdRegistry.Reporting.Demo;

namespace MvdRegistry.IntegrationTests.Exports;

/// <summary>
/// `mvd export` writes every export to the audit trail, and the identified bundle only for a registry
/// administrator named with --as: any other asker is refused with the reason, exit code 1, no file and no audit row.
/// </summary>
public abstract class ExportAuditTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database), IDisposable
    where TDatabase : TestDatabase
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mvd-export-audit-").FullName;

    private IConfiguration Configuration => new ConfigurationBuilder()
        .AddConfiguration(Database.Configuration)
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Statistics:PseudonymKey"] = "a-test-secret-of-more-than-thirty-two-characters" })
        .Build();

    protected override Task SeedAsync() => Database.SeedAsync(new Seed().Site("HOU").Surgeon("HOU-S1").DemoUsers()
        .Patient("P1", "HOU", "HOU0000001").HfsOperation("C1", "P1", "HOU-S1")
        .Patient("P2", "HOU", "HOU0000002").HfsOperation("C2", "P2", "HOU-S1", o => o.Indication = "HFS"));

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    private async Task<List<AuditEntry>> ExportRowsAsync()
    {
        await using var db = Db();
        return await db.AuditLog.AsNoTracking().Where(a => a.Entity == "export").OrderBy(a => a.Id).ToListAsync();
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [Fact]
    public async Task A_deidentified_export_without_as_works_as_before_and_is_audited_with_who_what_rows_and_the_files_sha256()
    {
        var output = Path.Combine(_folder, "e.xlsx");

        var outcome = await CliRun.RunAsync(Configuration, "export", "--deidentified", "--format", "xlsx", "--out", output, "--indication", "HFS", "--sites", "HOU", "--from-year", "2001");

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        var row = Assert.Single(await ExportRowsAsync());
        var sha = Sha256(await File.ReadAllBytesAsync(output));
        Assert.Equal(("cli:" + Environment.UserName, AuditAction.Insert, sha), (row.User, row.Action, row.Key));
        Assert.True(Math.Abs((row.At - DateTime.UtcNow).TotalMinutes) < 5, $"audited at {row.At:O}");
        var value = JsonDocument.Parse(row.NewValue!).RootElement;
        Assert.Equal(("deidentified", "xlsx", sha, "e.xlsx"), (value.GetProperty("Kind").GetString(), value.GetProperty("Format").GetString(),
            value.GetProperty("Sha256").GetString(), value.GetProperty("File").GetString()));
        Assert.Equal("""{"Indication":"HFS","Sites":["HOU"],"FromYear":2001,"ToYear":null}""", value.GetProperty("Filter").GetRawText());
        var contents = ExportContents.ReadXlsx(output);
        var rows = value.GetProperty("Rows").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Equal(contents.Sheets.Keys.Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        foreach (var (sheet, count) in rows) Assert.True(contents.Rows(sheet).Count == count, $"{sheet}: {contents.Rows(sheet).Count} rows, audited {count}");
        Assert.Equal(2, rows["operations"]);
        Assert.Contains($"SHA-256 {sha}", outcome.Out);
    }

    [Fact]
    public async Task The_identified_bundle_for_an_administrator_named_with_as_is_audited_under_both_names()
    {
        var output = Path.Combine(_folder, "bundle");

        var outcome = await CliRun.RunAsync(Configuration, "export", "--format", "csv", "--out", output, "--as", DemoUsers.Administrator);

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        var files = new[] { "cases.csv", "complications.csv", "followups.csv", "imaging.csv", "patients.csv" };
        Assert.Equal(files, Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var manifest = string.Concat(files.Select(f => $"{Sha256(File.ReadAllBytes(Path.Combine(output, f)))}  {f}\n"));
        var row = Assert.Single(await ExportRowsAsync());
        Assert.Equal(($"admin via cli:{Environment.UserName}", Sha256(Encoding.UTF8.GetBytes(manifest))), (row.User, row.Key));
        var value = JsonDocument.Parse(row.NewValue!).RootElement;
        Assert.Equal(("identified", "csv"), (value.GetProperty("Kind").GetString(), value.GetProperty("Format").GetString()));
        Assert.Equal("""{"patient":2,"case":2,"imaging":0,"followup":0,"complication":0}""", value.GetProperty("Rows").GetRawText());
    }

    public static TheoryData<string[], string> Refused => new()
    {
        { [], "the identified bundle (MRNs, dates) is for registry administrators only: name yourself with --as USER" },
        { ["--as", DemoUsers.Researcher], "the identified bundle (the five import files, with MRNs and dates) is for registry administrators only" },
        { ["--as", DemoUsers.SurgeonOf("HOU")], "is for registry administrators only" },
        { ["--as", "nobody"], "--as 'nobody' is not a user of the registry" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task The_identified_bundle_for_anyone_but_an_administrator_is_refused_and_nothing_is_written_or_audited(string[] asUser, string message)
    {
        var output = Path.Combine(_folder, "bundle");

        var outcome = await CliRun.RunAsync(Configuration, ["export", "--format", "csv", "--out", output, .. asUser]);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains(message, outcome.Error);
        Assert.Contains("Nothing was written.", outcome.Error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
        Assert.Empty(await ExportRowsAsync());
    }

    [Fact]
    public async Task A_deidentified_export_as_a_surgeon_is_refused_and_as_a_researcher_is_audited_under_their_name()
    {
        var refused = await CliRun.RunAsync(Configuration, "export", "--deidentified", "--format", "csv", "--out", Path.Combine(_folder, "s.zip"), "--as", DemoUsers.SurgeonOf("HOU"));
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("--as 'surgeon.hou' is neither a Researcher nor an Administrator of the registry", refused.Error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
        Assert.Empty(await ExportRowsAsync());

        var output = Path.Combine(_folder, "r.zip");
        var done = await CliRun.RunAsync(Configuration, "export", "--deidentified", "--format", "csv", "--out", output, "--as", DemoUsers.Researcher);

        Assert.True(done.ExitCode == 0, done.Error);
        var row = Assert.Single(await ExportRowsAsync());
        Assert.Equal(($"researcher via cli:{Environment.UserName}", Sha256(await File.ReadAllBytesAsync(output))), (row.User, row.Key));
        Assert.Equal("zip", JsonDocument.Parse(row.NewValue!).RootElement.GetProperty("Format").GetString());
    }
}

public sealed class SqliteExportAuditTests(SqliteTestDatabase database) : ExportAuditTests<SqliteTestDatabase>(database);

public sealed class PostgresExportAuditTests(PostgresTestDatabase database) : ExportAuditTests<PostgresTestDatabase>(database);
