using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Data;
using MvdRegistry.Data.Auditing;
using Npgsql;
using Respawn;

namespace MvdRegistry.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh database on the throwaway PostgreSQL 15 server that tests/run.sh starts and names in
/// MVD_TEST_POSTGRES. Dropped afterwards.
/// </summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    private readonly string _name = "mvd_test_" + Guid.NewGuid().ToString("N")[..12];
    private string _server = "";

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override IDbAdapter Adapter => DbAdapter.Postgres;

    public override RegistryDbContext NewContext(ICurrentUser? user = null, TimeProvider? clock = null) =>
        new PostgresRegistryDbContext(RegistryDatabase.Options<PostgresRegistryDbContext>(o => o.UseNpgsql(ConnectionString), user ?? new FixedUser("test"), clock));

    protected override async Task CreateAsync()
    {
        _server = Environment.GetEnvironmentVariable("MVD_TEST_POSTGRES")
            ?? throw new InvalidOperationException("MVD_TEST_POSTGRES is not set: run the suite with tests/run.sh, which starts a throwaway PostgreSQL 15.");
        await using var admin = new NpgsqlConnection(_server);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {_name}", admin);
        await create.ExecuteNonQueryAsync();
        // Dozens of test databases live side by side, each with its own pool: keep each pool small and
        // let idle connections go, so that the server's connection limit is never the test's limit.
        ConnectionString = new NpgsqlConnectionStringBuilder(_server)
        {
            Database = _name,
            MaxPoolSize = 10,
            ConnectionIdleLifetime = 2,
            ConnectionPruningInterval = 1,
        }.ConnectionString;
    }

    protected override DbConnection OpenConnection() => new NpgsqlConnection(ConnectionString);

    /// <summary>
    /// The test user is a superuser: in replica mode its own connection fires no ordinary trigger, so
    /// Respawn may truncate audit_log. The mode is reset before the connection goes back to the pool.
    /// </summary>
    protected override async Task WithoutAuditTriggersAsync(DbConnection connection, Func<Task> reset)
    {
        await using (var replica = new NpgsqlCommand("SET session_replication_role = replica", (NpgsqlConnection)connection))
            await replica.ExecuteNonQueryAsync();
        try
        {
            await reset();
        }
        finally
        {
            await using var origin = new NpgsqlCommand("RESET session_replication_role", (NpgsqlConnection)connection);
            await origin.ExecuteNonQueryAsync();
        }
    }

    protected override async Task DropAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
