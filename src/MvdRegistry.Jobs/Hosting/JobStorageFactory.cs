using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;
using Microsoft.Data.Sqlite;
using MvdRegistry.Data;

namespace MvdRegistry.Jobs.Hosting;

/// <summary>
/// Hangfire's storage beside the registry's own database: a schema (<c>Jobs:Schema</c>, <c>hangfire</c>)
/// in the same PostgreSQL or SQL Server database, and on SQLite a file of its own next to the
/// registry's (<c>registry.db</c> → <c>registry.hangfire.db</c>), so that a long import never locks the queue.
/// </summary>
public static class JobStorageFactory
{
    public static JobStorage Create(DatabaseOptions database, JobsOptions options)
    {
        var (provider, connection, schema) = (database.Provider, database.ConnectionString, options.Schema);
        return provider switch
        {
            DatabaseProvider.Postgres => Postgres(connection, new PostgreSqlStorageOptions
            {
                SchemaName = schema,
                QueuePollInterval = options.PollInterval,
                PrepareSchemaIfNecessary = true,
                InvisibilityTimeout = options.InvisibilityTimeout,
                UseSlidingInvisibilityTimeout = true,
                DistributedLockTimeout = options.InvisibilityTimeout,
            }),
            DatabaseProvider.SqlServer => new SqlServerStorage(
                () => new Microsoft.Data.SqlClient.SqlConnection(connection),
                new SqlServerStorageOptions
                {
                    SchemaName = schema,
                    PrepareSchemaIfNecessary = true,
                    SlidingInvisibilityTimeout = options.InvisibilityTimeout,
                }),
            _ => new SQLiteStorage(SqliteFile(connection, schema), new SQLiteStorageOptions
            {
                QueuePollInterval = options.PollInterval,
                InvisibilityTimeout = options.SqliteInvisibilityTimeout,
            }),
        };
    }

    /// <summary>
    /// A connection pool of Hangfire's own (another application name), so that polling workers never
    /// take the connections the registry's requests need.
    /// </summary>
    private static PostgreSqlStorage Postgres(string connection, PostgreSqlStorageOptions options)
    {
        var own = new Npgsql.NpgsqlConnectionStringBuilder(connection) { ApplicationName = "mvd-hangfire" }.ConnectionString;
        return new(new NpgsqlConnectionFactory(own, options), options);
    }

    /// <summary>The SQLite file of the queue, next to the registry's file and named after the schema.</summary>
    public static string SqliteFile(string registryConnectionString, string schema)
    {
        var registry = new SqliteConnectionStringBuilder(registryConnectionString).DataSource;
        if (string.IsNullOrWhiteSpace(registry) || registry == ":memory:")
            throw new InvalidOperationException("Background jobs on SQLite need a database file (ConnectionStrings:Registry 'Data Source=FILE').");
        var full = Path.GetFullPath(registry);
        return Path.Combine(Path.GetDirectoryName(full)!, $"{Path.GetFileNameWithoutExtension(full)}.{schema}.db");
    }
}
