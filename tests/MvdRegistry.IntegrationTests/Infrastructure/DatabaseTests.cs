namespace MvdRegistry.IntegrationTests.Infrastructure;

/// <summary>A test class on one real database, emptied before each test.</summary>
public abstract class DatabaseTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    protected TDatabase Database { get; } = database;

    public virtual Task InitializeAsync() => Database.ResetAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;
}
