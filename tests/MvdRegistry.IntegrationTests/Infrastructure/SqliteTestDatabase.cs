using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Data;
using MvdRegistry.Data.Auditing;
using Respawn;

namespace MvdRegistry.IntegrationTests.Infrastructure;

/// <summary>The embedded database: a SQLite file in a temporary folder.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mvd-sqlite-").FullName;

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override IDbAdapter Adapter => DbAdapter.Sqlite;

    public override RegistryDbContext NewContext(ICurrentUser? user = null, TimeProvider? clock = null) =>
        new SqliteRegistryDbContext(RegistryDatabase.Options<SqliteRegistryDbContext>(o => o.UseSqlite(ConnectionString), user ?? new FixedUser("test"), clock));

    protected override Task CreateAsync()
    {
        ConnectionString = $"Data Source={Path.Combine(_folder, "registry.db")};Pooling=False";
        return Task.CompletedTask;
    }

    protected override DbConnection OpenConnection() => new SqliteConnection(ConnectionString);

    /// <summary>SQLite has no roles: the triggers are dropped for the reset and created again from their own text.</summary>
    protected override async Task WithoutAuditTriggersAsync(DbConnection connection, Func<Task> reset)
    {
        var triggers = new List<(string Name, string Sql)>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync()) triggers.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in triggers) await ExecuteAsync(connection, $"DROP TRIGGER \"{name}\"");
        try
        {
            await reset();
        }
        finally
        {
            foreach (var (_, sql) in triggers) await ExecuteAsync(connection, sql);
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    protected override Task DropAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
