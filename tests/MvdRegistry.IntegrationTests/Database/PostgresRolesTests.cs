using Microsoft.EntityFrameworkCore;
using MvdRegistry.Data;
using MvdRegistry.Data.Auditing;
using MvdRegistry.IntegrationTests.Infrastructure;
using Npgsql;

namespace MvdRegistry.IntegrationTests.Database;

/// <summary>
/// database/postgres/roles.sql: the application's login appends audit rows and can neither change
/// them nor lift the triggers that guard them (which the schema owner could). PostgreSQL only: SQLite
/// has no roles.
/// </summary>
public sealed class PostgresRolesTests(PostgresTestDatabase database) : RegistryTests<PostgresTestDatabase>(database)
{
    public static TheoryData<string> Refused =>
    [
        "UPDATE audit_log SET reason = 'x'",
        "DELETE FROM audit_log",
        "TRUNCATE audit_log",
        "ALTER TABLE audit_log DISABLE TRIGGER ALL",
        "DROP TRIGGER audit_log_no_update_or_delete ON audit_log",
        "DROP TABLE audit_log",
        "SET session_replication_role = replica",
        "INSERT INTO \"__EFMigrationsHistory\" VALUES ('x', 'y')",
    ];

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task The_application_role_saves_with_audit_rows_and_is_refused(string sql)
    {
        var app = await ApplicationRoleAsync();
        await using (var db = new PostgresRegistryDbContext(RegistryDatabase.Options<PostgresRegistryDbContext>(o => o.UseNpgsql(app), new FixedUser("test"))))
            await new Seed().Site("HOU", "Houston").Patient("P1", "HOU").SaveAsync(db);
        await using var connection = new NpgsqlConnection(app);
        await connection.OpenAsync();
        await using (var who = new NpgsqlCommand("SELECT current_user", connection))
            Assert.Equal("registry_app", await who.ExecuteScalarAsync());

        await using (var command = new NpgsqlCommand(sql, connection))
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }

        await using var check = Database.NewContext();
        var row = await check.AuditLog.SingleAsync();
        Assert.Equal(("P1", (string?)null), (row.Key, row.Reason));
        await using var triggers = new NpgsqlCommand("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'audit_log'::regclass AND tgenabled = 'O'", connection);
        Assert.Equal(2L, await triggers.ExecuteScalarAsync());
    }

    /// <summary>Runs the script as the test's owner (psql's two variables filled in) and returns the application's connection string.</summary>
    private async Task<string> ApplicationRoleAsync()
    {
        const string password = "test-only";
        var owner = new NpgsqlConnectionStringBuilder(Database.ConnectionString);
        var script = (await File.ReadAllTextAsync(Path.Combine(Paths.RepositoryRoot, "database", "postgres", "roles.sql")))
            .Replace(":'app_password'", $"'{password}'")
            .Replace(":\"DBNAME\"", $"\"{owner.Database}\"");
        await using (var connection = new NpgsqlConnection(Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var run = new NpgsqlCommand(script, connection);
            await run.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Username = "registry_app", Password = password }.ConnectionString;
    }
}
