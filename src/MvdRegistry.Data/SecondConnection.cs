using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MvdRegistry.Data;

/// <summary>
/// A second connection to the context's database, opened with the same connection string through the same
/// provider, for a read beside the context's own (see <see cref="StatisticsRows"/>). None inside a transaction,
/// whose rows another connection would not see, nor for SQLite in memory, whose database is the connection's own.
/// </summary>
internal static class SecondConnection
{
    public static async Task<DbConnection?> OpenAsync(RegistryDbContext db, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null || db.Database.GetConnectionString() is not { Length: > 0 } connectionString) return null;
        if (db.Database.IsSqlite() && new SqliteConnectionStringBuilder(connectionString) is var sqlite
            && (sqlite.Mode == SqliteOpenMode.Memory || sqlite.DataSource is "" or ":memory:"))
            return null;
        if (DbProviderFactories.GetFactory(db.Database.GetDbConnection()) is not { } factory || factory.CreateConnection() is not { } connection) return null;
        connection.ConnectionString = connectionString;
        await connection.OpenAsync(ct);
        return connection;
    }
}
