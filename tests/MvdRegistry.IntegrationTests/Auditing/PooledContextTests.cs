using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MvdRegistry.Data;
using MvdRegistry.Data.Auditing;
using MvdRegistry.IntegrationTests.Infrastructure;

namespace MvdRegistry.IntegrationTests.Auditing;

/// <summary>
/// The hosts' contexts are pooled (<see cref="RegistryDatabase.AddRegistryDatabase"/>): a scope leases one and gives it
/// the scope's user; returned to the pool, it keeps nothing of that scope, neither its user, nor its audit reason, nor
/// its tracked rows, so the next scope's changes are audited as the next scope's user.
/// </summary>
public abstract class PooledContextTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private sealed class ScopeUser : ICurrentUser
    {
        public string Name { get; set; } = "";
    }

    protected override async Task SeedAsync()
    {
        await using var db = Database.NewContext();
        await new Seed().Site("HOU").Patient("P1", "HOU").SaveAsync(db);
    }

    [Fact]
    public async Task A_context_back_in_the_pool_keeps_no_user_reason_or_tracked_row_of_the_scope_that_used_it()
    {
        var services = new ServiceCollection().AddRegistryDatabase(Database.Configuration);
        services.AddScoped<ScopeUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<ScopeUser>());
        await using var provider = services.BuildServiceProvider();

        RegistryDbContext first;
        await using (var scope = provider.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<ScopeUser>().Name = "alice";
            first = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            (await first.Patients.SingleAsync()).Sex = "M";
            first.AuditReason = "alice's reason";
            await first.SaveChangesAsync();
            Assert.NotEmpty(first.ChangeTracker.Entries());
        }

        // Leased from the pool without a scope: the same instance, and nobody's (a change is refused, not audited as alice's).
        var factory = provider.GetRequiredService(typeof(IDbContextFactory<>).MakeGenericType(first.GetType()));
        var leased = (RegistryDbContext)factory.GetType().GetMethod("CreateDbContext")!.Invoke(factory, null)!;
        Assert.Same(first, leased);
        Assert.Null(leased.AuditUser);
        Assert.Null(leased.AuditReason);
        Assert.Empty(leased.ChangeTracker.Entries());
        (await leased.Patients.SingleAsync()).Sex = "F";
        await Assert.ThrowsAsync<InvalidOperationException>(() => leased.SaveChangesAsync());
        await leased.DisposeAsync();

        await using (var scope = provider.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<ScopeUser>().Name = "bob";
            var second = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            Assert.Same(first, second);
            Assert.Empty(second.ChangeTracker.Entries());
            (await second.Patients.SingleAsync()).Sex = "F";
            await second.SaveChangesAsync();
        }

        await using var check = Database.NewContext();
        var rows = await check.AuditLog.Where(a => a.Field == "sex").OrderBy(a => a.Id)
            .Select(a => new { a.User, a.Reason, a.NewValue }).ToListAsync();
        Assert.Equal([("alice", "alice's reason", "M"), ("bob", (string?)null, "F")], rows.Select(r => (r.User, r.Reason, r.NewValue)));
    }

    /// <summary>Leases a context from the pool as the scope disposes it, between the scope's other disposals.</summary>
    private sealed class LateLease(object pooledFactory) : IDisposable
    {
        public RegistryDbContext? Leased { get; private set; }

        public void Dispose() =>
            Leased = (RegistryDbContext)pooledFactory.GetType().GetMethod("CreateDbContext")!.Invoke(pooledFactory, null)!;
    }

    [Fact]
    public async Task A_scope_hands_its_context_back_once_so_a_lease_taken_meanwhile_stays_usable()
    {
        Type contextType;
        await using (var made = Database.NewContext()) contextType = made.GetType();
        var factoryType = typeof(IDbContextFactory<>).MakeGenericType(contextType);
        var services = new ServiceCollection().AddRegistryDatabase(Database.Configuration);
        services.AddScoped<ICurrentUser>(_ => new ScopeUser { Name = "alice" });
        services.AddScoped(sp => new LateLease(sp.GetRequiredService(factoryType)));
        await using var provider = services.BuildServiceProvider();

        LateLease probe;
        RegistryDbContext used;
        await using (var scope = provider.CreateAsyncScope())
        {
            // The provider's own context type first (EF Core's registration leases an instance of its own; a second
            // registration of ours handed back the same instance as RegistryDbContext's), then the probe, then the
            // context: the scope disposes in reverse, so the probe leases after the context went back to the pool
            // and before any second hand-back of it.
            _ = scope.ServiceProvider.GetService(contextType);
            probe = scope.ServiceProvider.GetRequiredService<LateLease>();
            used = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            Assert.Equal(1, await used.Patients.CountAsync());
        }

        // The probe holds the instance the scope gave back (the pool's only one), and it is the probe's to use.
        Assert.Same(used, probe.Leased);
        Assert.Equal(1, await probe.Leased!.Patients.CountAsync());
        await probe.Leased.DisposeAsync();
    }
}

public sealed class SqlitePooledContextTests(SqliteTestDatabase database) : PooledContextTests<SqliteTestDatabase>(database);

public sealed class PostgresPooledContextTests(PostgresTestDatabase database) : PooledContextTests<PostgresTestDatabase>(database);
