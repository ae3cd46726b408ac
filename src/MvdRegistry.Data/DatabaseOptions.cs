using Microsoft.Extensions.Configuration;

namespace MvdRegistry.Data;

public enum DatabaseProvider { Sqlite, Postgres, SqlServer }

/// <summary>
/// The registry's database, read once from configuration and checked before anything starts:
/// <c>Database:Provider</c> (Sqlite, Postgres or SqlServer; Sqlite by default) and
/// <c>ConnectionStrings:Registry</c> (a registry.db file by default on SQLite, required otherwise).
/// Registered as a singleton by <see cref="RegistryDatabase.AddRegistryDatabase"/> for whatever else
/// needs the database's address.
/// </summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqlite = "Data Source=registry.db";

    /// <exception cref="InvalidOperationException">An unknown provider, or no connection string for a server database.</exception>
    public static DatabaseOptions Read(IConfiguration configuration)
    {
        var text = configuration["Database:Provider"];
        var provider = string.IsNullOrWhiteSpace(text) ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
            : throw new InvalidOperationException($"Database:Provider '{text}' is not one of Sqlite, Postgres, SqlServer");
        var connection = configuration.GetConnectionString("Registry");
        if (string.IsNullOrWhiteSpace(connection))
            connection = provider == DatabaseProvider.Sqlite ? DefaultSqlite
                : throw new InvalidOperationException($"ConnectionStrings:Registry is required for {provider}");
        return new DatabaseOptions(provider, connection);
    }
}
