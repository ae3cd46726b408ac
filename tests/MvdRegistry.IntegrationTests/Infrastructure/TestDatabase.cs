using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using MvdRegistry.Application.Scheduling;
using MvdRegistry.Application.Statistics;
using MvdRegistry.Application.Statistics.Snapshots;
using MvdRegistry.Data;
using MvdRegistry.Data.Auditing;
using MvdRegistry.Jobs.Hosting;
using Respawn;
using Respawn.Graph;

namespace MvdRegistry.IntegrationTests.Infrastructure;

/// <summary>
/// The integration tests' one fixture, one per provider (<see cref="SqliteTestDatabase"/>,
/// <see cref="PostgresTestDatabase"/>), shared by the tests of one class through <see cref="RegistryTests{TDatabase}"/>:
/// a real, migrated database emptied by Respawn before each test, the web host on it (created on first
/// use), and helpers to read and write it. Respawn uses its own connection, outside the application's
/// audit guard, and lifts the database's audit_log triggers for its reset only, as a DBA would.
/// </summary>
public abstract class TestDatabase : IAsyncLifetime
{
    private Respawner? _respawner;
    private RegistryWebFactory? _web;

    /// <summary>The real web host on this database, started on first use and stopped with the fixture.</summary>
    public RegistryWebFactory Web => _web ??= new RegistryWebFactory(this);

    /// <summary>A client of <see cref="Web"/> signed in through the sign-in page.</summary>
    public Task<HttpClient> SignedInAsync(string userName) => Web.SignedInAsync(userName);

    /// <summary>Runs <paramref name="action"/> on a context of its own (audited as the user "test").</summary>
    public async Task ExecuteAsync(Func<RegistryDbContext, Task> action)
    {
        await using var db = NewContext();
        await action(db);
    }

    public async Task<T> ExecuteAsync<T>(Func<RegistryDbContext, Task<T>> action)
    {
        await using var db = NewContext();
        return await action(db);
    }

    /// <summary>Adds the entities and saves them in one unit of work.</summary>
    public Task InsertAsync(params object[] entities) => ExecuteAsync(db =>
    {
        db.AddRange(entities);
        return db.SaveChangesAsync();
    });

    /// <summary>The entity with these keys as stored now, read on a context of its own.</summary>
    public Task<T?> FindAsync<T>(params object[] keys) where T : class => ExecuteAsync(db => db.FindAsync<T>(keys).AsTask());

    /// <summary>Saves the records a <see cref="Seed"/> describes.</summary>
    public Task SeedAsync(Seed seed, ICurrentUser? user = null, TimeProvider? clock = null) => seed.SaveAsync(this, user, clock);

    /// <summary>
    /// Computes and stores the statistics snapshot of <paramref name="filter"/> (the whole registry by
    /// default) as of today, as the statistics job does, unless one over the current data exists.
    /// </summary>
    public Task SnapshotAsync(StatisticsFilter? filter = null) => ExecuteAsync(async db =>
    {
        filter ??= new StatisticsFilter();
        if (await SnapshotStore.CurrentAsync(db, filter, await DataFingerprint.ReadAsync(db)) is not null) return;
        await SnapshotComputation.ComputeAsync(db, filter, Today.Of(TimeProvider.System), "test", null, TimeProvider.System, _ => Task.CompletedTask);
    });

    public abstract DatabaseProvider Provider { get; }

    public string ConnectionString { get; protected set; } = "";

    /// <summary>Configuration keys as the hosts read them.</summary>
    public IConfiguration Configuration => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Database:Provider"] = Provider.ToString(),
        ["ConnectionStrings:Registry"] = ConnectionString,
    }).Build();

    public abstract RegistryDbContext NewContext(ICurrentUser? user = null, TimeProvider? clock = null);

    protected abstract Task CreateAsync();

    protected abstract DbConnection OpenConnection();

    protected abstract IDbAdapter Adapter { get; }

    /// <summary>Runs <paramref name="reset"/> on <paramref name="connection"/> with the audit_log triggers lifted.</summary>
    protected abstract Task WithoutAuditTriggersAsync(DbConnection connection, Func<Task> reset);

    public async Task InitializeAsync()
    {
        await CreateAsync();
        await using (var db = NewContext()) await db.Database.MigrateAsync();
        await using var connection = OpenConnection();
        await connection.OpenAsync();
        _respawner = await Respawner.CreateAsync(connection, ResetOptions);
    }

    /// <summary>
    /// What a reset leaves alone: the migrations history, and Hangfire's schema, whose tables belong to
    /// a running server (on SQLite the queue is a file of its own, out of Respawn's sight).
    /// </summary>
    public RespawnerOptions ResetOptions => new()
    {
        DbAdapter = Adapter,
        TablesToIgnore = [new Table("__EFMigrationsHistory")],
        SchemasToExclude = Provider == DatabaseProvider.Sqlite ? [] : [JobsOptions.DefaultSchema],
    };

    public async Task ResetAsync()
    {
        await using var connection = OpenConnection();
        await connection.OpenAsync();
        await WithoutAuditTriggersAsync(connection, () => _respawner!.ResetAsync(connection));
    }

    /// <summary>A reset by a respawner made now, from the tables present now (Hangfire's, once a server has made them).</summary>
    public async Task ResetWithNewRespawnerAsync()
    {
        await using var connection = OpenConnection();
        await connection.OpenAsync();
        var respawner = await Respawner.CreateAsync(connection, ResetOptions);
        await WithoutAuditTriggersAsync(connection, () => respawner.ResetAsync(connection));
    }

    public async Task<Dictionary<string, int>> CountRowsAsync()
    {
        await using var db = NewContext();
        return new Dictionary<string, int>
        {
            ["sites"] = await db.Sites.CountAsync(),
            ["surgeons"] = await db.Surgeons.CountAsync(),
            ["patients"] = await db.Patients.CountAsync(),
            ["operations"] = await db.Operations.CountAsync(),
            ["imaging"] = await db.Imaging.CountAsync(),
            ["followups"] = await db.FollowUps.CountAsync(),
            ["complications"] = await db.Complications.CountAsync(),
            ["audit"] = await db.AuditLog.CountAsync(),
        };
    }

    public async Task DisposeAsync()
    {
        if (_web is not null) await _web.DisposeAsync();
        await DropAsync();
    }

    protected abstract Task DropAsync();
}
