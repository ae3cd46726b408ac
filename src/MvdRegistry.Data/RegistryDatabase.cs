using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MvdRegistry.Data.Auditing;

namespace MvdRegistry.Data;

/// <summary>The registry's DbContext for the provider of <see cref="DatabaseOptions"/>, with the audit interceptors.</summary>
public static class RegistryDatabase
{
    public static IServiceCollection AddRegistryDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var database = DatabaseOptions.Read(configuration);
        var (provider, connection) = (database.Provider, database.ConnectionString);
        services.AddSingleton(database);
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
