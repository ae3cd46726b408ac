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

    public override Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
