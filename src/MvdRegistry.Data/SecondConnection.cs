using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace MvdRegistry.Data;

/// <summary>
/// A second connection to the context's database, opened with the same connection string through the same
/// provider, for a read beside the context's own (see <see cref="StatisticsRows"/>), or a second context on it
/// (the de-identified export derives its analysis sheet on one while the form sheets are written). None inside
/// a transaction, whose rows another connection would not see, nor for SQLite in memory, whose database is the
/// connection's own.
/// </summary>
public static class SecondConnection
{
    public static async Task<DbConnection?> OpenAsync(RegistryDbContext db, CancellationToken ct)
    {
        if (!Possible(db, out var connectionString)) return null;
        if (DbProviderFactories.GetFactory(db.Database.GetDbConnection()) is not { } factory || factory.CreateConnection() is not { } connection) return null;
        connection.ConnectionString = connectionString;
        await connection.OpenAsync(ct);
        return connection;
    }

    /// <summary>
    /// A new context of the same provider and options (its own connection, opened when first used), for reads
    /// only: it is not the scope's, so it has no audit user. The caller disposes it.
    /// </summary>
    public static RegistryDbContext? Context(RegistryDbContext db)
    {
        if (!Possible(db, out _)) return null;
        var options = db.GetService<IDbContextOptions>();
        return (RegistryDbContext)Activator.CreateInstance(db.GetType(), options)!;
    }

    private static bool Possible(RegistryDbContext db, out string connectionString)
    {
        connectionString = db.Database.GetConnectionString() ?? "";
        if (db.Database.CurrentTransaction is not null || connectionString.Length == 0) return false;
        return !(db.Database.IsSqlite() && new SqliteConnectionStringBuilder(connectionString) is var sqlite
            && (sqlite.Mode == SqliteOpenMode.Memory || sqlite.DataSource is "" or ":memory:"));
    }
}
