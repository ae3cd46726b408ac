using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MvdRegistry.Data.Auditing;

namespace MvdRegistry.Data;

public enum DatabaseProvider { Sqlite, Postgres, SqlServer }

/// <summary>
/// Chooses the database from configuration: <c>Database:Provider</c> (Sqlite, Postgres or SqlServer;
/// Sqlite by default) and <c>ConnectionStrings:Registry</c> (default: a registry.db file).
/// </summary>
public static class RegistryDatabase
{
    public const string DefaultSqlite = "Data Source=registry.db";

    public static DatabaseProvider Provider(IConfiguration configuration)
    {
        var text = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(text)) return DatabaseProvider.Sqlite;
        return Enum.TryParse<DatabaseProvider>(text, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException($"Database:Provider '{text}' is not one of Sqlite, Postgres, SqlServer");
    }

    public static string ConnectionString(IConfiguration configuration, DatabaseProvider provider)
    {
        var text = configuration.GetConnectionString("Registry");
        if (!string.IsNullOrWhiteSpace(text)) return text;
        return provider == DatabaseProvider.Sqlite
            ? DefaultSqlite
            : throw new InvalidOperationException($"ConnectionStrings:Registry is required for {provider}");
    }

    public static IServiceCollection AddRegistryDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = Provider(configuration);
        var connection = ConnectionString(configuration, provider);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<AuditInterceptor>();
        services.AddSingleton<AuditGuardInterceptor>();
        switch (provider)
        {
            case DatabaseProvider.Sqlite: Add<SqliteRegistryDbContext>(services, o => o.UseSqlite(connection)); break;
            case DatabaseProvider.Postgres: Add<PostgresRegistryDbContext>(services, o => o.UseNpgsql(connection)); break;
            case DatabaseProvider.SqlServer: Add<SqlServerRegistryDbContext>(services, o => o.UseSqlServer(connection)); break;
        }
        return services;
    }

    private static void Add<TContext>(IServiceCollection services, Action<DbContextOptionsBuilder> configure) where TContext : RegistryDbContext
    {
        services.AddDbContext<TContext>((sp, options) =>
        {
            configure(options);
            options.AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<AuditGuardInterceptor>());
        });
        services.AddScoped<RegistryDbContext>(sp => sp.GetRequiredService<TContext>());
    }

    /// <summary>Options for a context built by hand (tests, design time), with the same interceptors.</summary>
    public static DbContextOptions<TContext> Options<TContext>(Action<DbContextOptionsBuilder<TContext>> configure, ICurrentUser user, TimeProvider? clock = null)
        where TContext : RegistryDbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        configure(builder);
        builder.AddInterceptors(new AuditInterceptor(user, clock ?? TimeProvider.System), new AuditGuardInterceptor());
        return builder.Options;
    }
}
