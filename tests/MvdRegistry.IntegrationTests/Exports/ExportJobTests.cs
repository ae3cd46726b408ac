using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Model;
using MvdRegistry.IntegrationTests.Infrastructure;
using MvdRegistry.IntegrationTests.Jobs;
using MvdRegistry.Jobs.Exports;
using MvdRegistry.Reporting.Demo;
using MvdRegistry.Reporting.Export;
using MvdRegistry.Reporting.Export.Deidentified;

namespace MvdRegistry.IntegrationTests.Exports;

/// <summary>The export job on a real Hangfire server: the files it writes, its progress, its audit row, and a refused identified bundle.</summary>
public abstract class ExportJobTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    protected override async Task SeedAsync()
    {
        Assert.Equal(0, (await CliRun.RunAsync(Database.Configuration, "import", Paths.ReferenceSmall)).ExitCode);
        await using var db = Db();
        await DemoUsers.SeedAsync(db);
    }

    private async Task<List<AuditEntry>> ExportAuditRowsAsync()
    {
        await using var db = Db();
        return await db.AuditLog.AsNoTracking().Where(a => a.Entity == "export").ToListAsync();
    }

    [Fact]
    public async Task A_researchers_deidentified_workbook_is_written_into_the_export_folder_with_its_scripts_and_audited()
    {
        await using var server = await JobServer.StartAsync(Database);
        var parameters = new ExportJob.Parameters(ExportKind.Deidentified, ExportFormat.Xlsx, "HFS", ["HOU"], 2010, null);

        var queued = await server.EnqueueAsync(l => ExportJob.EnqueueAsync(l, parameters, DemoUsers.Researcher));
        var run = await server.WaitForRunAsync(queued.Id, r => r.IsFinished);

        Assert.True(run.Status == JobRunStatus.Succeeded, run.Error);
        Assert.Equal((100, "Done"), (run.ProgressPercent, run.ProgressText));
        var folder = Path.Combine(server.OutputFolder, "exports");
        Assert.Equal(Path.Combine(folder, $"deidentified-run{run.Id}.xlsx"), run.Output);
        Assert.Equal([$"deidentified-run{run.Id}.read_export.R", $"deidentified-run{run.Id}.read_export.do", $"deidentified-run{run.Id}.xlsx"],
            Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var contents = ExportContents.ReadXlsx(run.Output!);
        Assert.True(contents.Rows("analysis").Count is > 10 and < 289, $"{contents.Rows("analysis").Count} operations");
        Assert.Equal(contents.Rows("analysis").Count, run.Rows);

        var row = Assert.Single(await ExportAuditRowsAsync());
        var sha = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(run.Output!)));
        Assert.Equal(($"researcher via job export #{run.Id}", sha, AuditAction.Insert), (row.User, row.Key, row.Action));
        var value = JsonDocument.Parse(row.NewValue!).RootElement;
        Assert.Equal(("deidentified", "xlsx", run.Id), (value.GetProperty("Kind").GetString(), value.GetProperty("Format").GetString(), value.GetProperty("Run").GetInt64()));
        Assert.Equal("""{"Indication":"HFS","Sites":["HOU"],"FromYear":2010,"ToYear":null}""", value.GetProperty("Filter").GetRawText());
        foreach (var sheet in value.GetProperty("Rows").EnumerateObject()) Assert.Equal(contents.Rows(sheet.Name).Count, sheet.Value.GetInt32());

        using var connection = server.Storage.GetConnection();
        Assert.Contains(connection.GetRecurringJobs(), j => j.Id == ExportRetention.RecurringJobId && j.Cron == ExportRetention.Cron);
    }

    [Fact]
    public async Task An_administrators_identified_bundle_is_a_zip_of_the_five_import_files_and_is_audited()
    {
        await using var server = await JobServer.StartAsync(Database);

        var queued = await server.EnqueueAsync(l => ExportJob.EnqueueAsync(l, new ExportJob.Parameters(ExportKind.Identified, ExportFormat.Csv), DemoUsers.Administrator));
        var run = await server.WaitForRunAsync(queued.Id, r => r.IsFinished);

        Assert.True(run.Status == JobRunStatus.Succeeded, run.Error);
        Assert.EndsWith($"identified-run{run.Id}.zip", run.Output);
        using (var zip = ZipFile.OpenRead(run.Output!))
        {
            Assert.Equal(["cases.csv", "complications.csv", "followups.csv", "imaging.csv", "patients.csv"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
            foreach (var entry in zip.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                var lines = (await reader.ReadToEndAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length;
                Assert.Equal(File.ReadAllLines(Path.Combine(Paths.ReferenceSmall, entry.FullName)).Count(l => l.Length > 0), lines);
            }
        }
        var row = Assert.Single(await ExportAuditRowsAsync());
        Assert.Equal(($"admin via job export #{run.Id}", Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(run.Output!)))), (row.User, row.Key));
        Assert.Equal("identified", JsonDocument.Parse(row.NewValue!).RootElement.GetProperty("Kind").GetString());
        Assert.Equal(Directory.EnumerateFileSystemEntries(Path.Combine(server.OutputFolder, "exports")).Single(), run.Output);
    }

    [Fact]
    public async Task An_identified_bundle_queued_for_a_researcher_is_refused_when_it_runs_and_nothing_is_written()
    {
        // The page refuses it; a run row made otherwise (or a user demoted since) meets the job's own check.
        await using var server = await JobServer.StartAsync(Database);

        var queued = await server.EnqueueAsync(l => ExportJob.EnqueueAsync(l, new ExportJob.Parameters(ExportKind.Identified, ExportFormat.Csv), DemoUsers.Researcher));
        var run = await server.WaitForRunAsync(queued.Id, r => r.Error is not null);

        Assert.Contains("ExportRefusedException: the identified bundle (the five import files, with MRNs and dates) is for registry administrators only", run.Error);
        Assert.Null(run.Output);
        var folder = Path.Combine(server.OutputFolder, "exports");
        Assert.True(!Directory.Exists(folder) || !Directory.EnumerateFileSystemEntries(folder).Any());
        Assert.Empty(await ExportAuditRowsAsync());
    }
}

public sealed class SqliteExportJobTests(SqliteTestDatabase database) : ExportJobTests<SqliteTestDatabase>(database);

public sealed class PostgresExportJobTests(PostgresTestDatabase database) : ExportJobTests<PostgresTestDatabase>(database);
