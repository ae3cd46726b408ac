using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MvdRegistry.Data.Auditing;

namespace MvdRegistry.Data;

/// <summary>
/// The registry's DbContext for the provider of <see cref="DatabaseOptions"/>, with the audit interceptors.
/// Contexts are pooled (EF Core's pooled factory: the options are built once, a context is reset and reused,
/// not built, at each scope), and the interceptors are singletons: the scope's context is leased from the pool
/// and given the scope's <see cref="ICurrentUser"/> (<see cref="RegistryDbContext.AuditUser"/>), which the
/// audit interceptor reads from the context it audits; returned to the pool, a context forgets it.
/// </summary>
public static class RegistryDatabase
{
    public static IServiceCollection AddRegistryDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var database = DatabaseOptions.Read(configuration);
        var (provider, connection) = (database.Provider, database.ConnectionString);
        services.AddSingleton(database);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new AuditInterceptor(sp.GetRequiredService<TimeProvider>()));
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
        services.AddPooledDbContextFactory<TContext>((sp, options) =>
        {
            configure(options);
            options.AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<AuditGuardInterceptor>());
        });
        // The scope's context: leased from the pool, returned to it when the scope ends ("pooling with state").
        // One registration only: the container disposes what each factory registration returns, so a second one
        // for the same instance (the provider's own context type) handed it back twice, and the second time,
        // if another scope had leased it in between, took it from that scope while in use.
        services.AddScoped<RegistryDbContext>(sp =>
        {
            var context = sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
            context.AuditUser = sp.GetRequiredService<ICurrentUser>();
            return context;
        });
    }

    /// <summary>Options for a context built by hand (tests, design time), with the same interceptors; its changes are audited as <paramref name="user"/>'s.</summary>
    public static DbContextOptions<TContext> Options<TContext>(Action<DbContextOptionsBuilder<TContext>> configure, ICurrentUser user, TimeProvider? clock = null)
        where TContext : RegistryDbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        configure(builder);
        builder.AddInterceptors(new AuditInterceptor(clock ?? TimeProvider.System, user), new AuditGuardInterceptor());
        return builder.Options;
    }
}
