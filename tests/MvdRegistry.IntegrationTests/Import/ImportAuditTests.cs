using Microsoft.EntityFrameworkCore;
using MvdRegistry.Application.Saving;
using MvdRegistry.Application.Scheduling;
using MvdRegistry.Application.Users;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;
using MvdRegistry.IntegrationTests.Entry;
using MvdRegistry.IntegrationTests.Infrastructure;

namespace MvdRegistry.IntegrationTests.Import;

/// <summary>
/// An import's audit trail (issue 11, point 3): one row per import, each inserted record tied to it by its
/// created_at, its imported values recovered from its update rows, on the case page's history and after a delete.
/// </summary>
public abstract class ImportAuditTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private Task<CliOutcome> Cli(params string[] args) => CliRun.RunAsync(Database.Configuration, args);

    [Fact]
    public async Task An_import_writes_one_audit_row_naming_who_when_the_folder_and_each_files_sha256_and_counts()
    {
        Assert.Equal(0, (await Cli("import", Paths.ReferenceSmall)).ExitCode);

        await using var db = Database.NewContext();
        var row = await db.AuditLog.SingleAsync();
        var folder = Path.GetFullPath(Paths.ReferenceSmall);
        Assert.Equal(("import", AuditAction.Import, "import of " + folder), (row.Entity, row.Action, row.Reason));
        Assert.StartsWith("cli:", row.User);
        var json = System.Text.Json.JsonDocument.Parse(row.NewValue!).RootElement;
        Assert.Equal(folder, json.GetProperty("folder").GetString());
        var files = json.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("file").GetString()!);
        var expected = new Dictionary<string, int>
        {
            ["patients.csv"] = 408, ["cases.csv"] = 433, ["imaging.csv"] = 495, ["followups.csv"] = 1761, ["complications.csv"] = 103,
        };
        Assert.Equal(expected.Keys.Order(), files.Keys.Order());
        foreach (var (file, inserted) in expected)
        {
            var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(folder, file))));
            Assert.Equal((sha, inserted, 0, 0), (files[file].GetProperty("sha256").GetString(), files[file].GetProperty("inserted").GetInt32(),
                files[file].GetProperty("updated").GetInt32(), files[file].GetProperty("unchanged").GetInt32()));
        }
        // Every record it inserted carries its instant, the row's key: that is how a record is attributed to its import.
        Assert.Equal(row.Key, row.At.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'"));
        Assert.All(await db.Patients.Select(p => p.CreatedAt).Distinct().ToListAsync(), at => Assert.Equal(row.At, at));
        Assert.All(await db.Operations.Select(o => o.CreatedAt).Distinct().ToListAsync(), at => Assert.Equal(row.At, at));
        Assert.All(await db.FollowUps.Select(f => f.CreatedAt).Distinct().ToListAsync(), at => Assert.Equal(row.At, at));
    }

    [Fact]
    public async Task An_imported_record_is_attributed_to_its_import_and_its_imported_values_are_recovered_after_later_edits()
    {
        Assert.Equal(0, (await Cli("import", Paths.ReferenceSmall)).ExitCode);
        Dictionary<string, string> asImported;
        await using (var db = Database.NewContext())
        {
            asImported = ImportedValues.Of(await db.Operations.AsNoTracking().SingleAsync(o => o.CaseId == "C07000001"));
            await Reporting.Demo.DemoUsers.SeedAsync(db);
        }
        Assert.Equal(("157", "87"), (asImported["duration_min"], asImported["blood_loss_ml"]));
        // Two later edits on the case page: the same field twice, another field once, one cleared.
        var client = await SignedInAsync("surgeon.hou");
        var (_, form) = await OpenAsync(client, "/Cases/C07000001/Edit");
        Page.AssertRedirect(await PostAsync(client, "/Cases/C07000001/Edit",
            form.Set("duration_min", "181").Set("blood_loss_ml", "").Set("change_reason", "Operating note re-read")), "/Cases/C07000001");
        (_, form) = await OpenAsync(client, "/Cases/C07000001/Edit");
        Page.AssertRedirect(await PostAsync(client, "/Cases/C07000001/Edit",
            form.Set("duration_min", "190").Set("change_reason", "Anaesthesia chart")), "/Cases/C07000001");

        await using var check = Database.NewContext();
        var operation = await check.Operations.AsNoTracking().SingleAsync(o => o.CaseId == "C07000001");
        Assert.Equal((190, (int?)null), (operation.DurationMin, operation.BloodLossMl));
        var origin = Assert.Single(await Application.Saving.ImportAttribution.LoadAsync(check, [operation], default));
        var import = await check.AuditLog.SingleAsync(a => a.Action == AuditAction.Import);
        Assert.Equal(import.Id, origin.Import.Id);
        Assert.Equal(Path.Combine(Path.GetFullPath(Paths.ReferenceSmall), "cases.csv"), origin.File);
        Assert.Equal(asImported.Where(v => v.Value.Length > 0).OrderBy(v => v.Key), origin.Values.OrderBy(v => v.Key));
        // The same from the rows the case page's history has read (its own rows among others'), with no query of its own.
        var history = await check.AuditLog.AsNoTracking().Where(a => a.Entity != ImportedValues.Entity).ToListAsync();
        var fromHistory = Assert.Single(await Application.Saving.ImportAttribution.LoadAsync(check, [operation], history, default));
        Assert.Equal(origin.Values.OrderBy(v => v.Key), fromHistory.Values.OrderBy(v => v.Key));
        // Its patient, never edited, is attributed to the same import, with the values it holds.
        var patient = await check.Patients.AsNoTracking().SingleAsync(p => p.PatientId == "P0700001");
        var patientOrigin = Assert.Single(await Application.Saving.ImportAttribution.LoadAsync(check, [patient], default));
        Assert.Equal((import.Id, "HOU2171979", "1948-09-20"), (patientOrigin.Import.Id, patientOrigin.Values["mrn"], patientOrigin.Values["birth_date"]));
    }

    [Fact]
    public async Task An_imported_record_deleted_later_is_still_tied_to_its_import_by_its_delete_row()
    {
        Assert.Equal(0, (await Cli("import", Paths.ReferenceSmall)).ExitCode);
        await using (var seed = Database.NewContext()) await Reporting.Demo.DemoUsers.SeedAsync(seed);
        JobUser user;
        await using (var lookup = Database.NewContext())
            user = (await JobUser.ForAsync(lookup, "surgeon.hou", "corrections #1"))!;
        await using (var db = Database.NewContext(user))
        {
            var visit = await db.FollowUps.SingleAsync(f => f.FollowupId == "F070000001");
            var outcome = await new DeleteHandler(db, user, new OverdueListStore(db, TimeProvider.System))
                .DeleteAsync(new DeleteCommand { Record = visit, Version = visit.Version, Reason = "entered twice" });
            Assert.IsType<DeleteOutcome.Deleted>(outcome);
        }

        await using var check = Database.NewContext();
        var import = await check.AuditLog.SingleAsync(a => a.Action == AuditAction.Import);
        var deleted = await check.AuditLog.SingleAsync(a => a.Action == AuditAction.Delete && a.Key == "F070000001");
        var values = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(deleted.OldValue!)!;
        Assert.Equal(import.Key, values[ImportedValues.CreatedAtKey]);
        Assert.Equal(("C07000001", "2012-11-06"), (values["case_id"], values["visit_date"]));
        // Its values as imported, from the delete row: the same as the bundle's row, created_at left out.
        Assert.DoesNotContain(ImportedValues.CreatedAtKey, ImportedValues.Recover(values, []).Keys);
    }

    [Fact]
    public async Task The_case_page_history_shows_the_import_of_each_record_with_its_file_and_values()
    {
        Assert.Equal(0, (await Cli("import", Paths.ReferenceSmall)).ExitCode);
        await using (var db = Database.NewContext()) await Reporting.Demo.DemoUsers.SeedAsync(db);
        var client = await SignedInAsync("surgeon.hou");

        var html = await client.GetStringAsync("/Cases/C07000001");

        var history = Page.Text(html[html.IndexOf("id=\"history\"", StringComparison.Ordinal)..]);
        var folder = Path.GetFullPath(Paths.ReferenceSmall);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(folder, "cases.csv"))));
        Assert.Contains($"Operation C07000001 imported with", history);
        Assert.Contains($"import of {Path.Combine(folder, "cases.csv")} (SHA-256 {sha})", history);
        Assert.Contains("Patient P0700001 imported with", history);
        Assert.Contains($"import of {Path.Combine(folder, "patients.csv")}", history);
    }
}

public sealed class SqliteImportAuditTests(SqliteTestDatabase database) : ImportAuditTests<SqliteTestDatabase>(database);

public sealed class PostgresImportAuditTests(PostgresTestDatabase database) : ImportAuditTests<PostgresTestDatabase>(database);
