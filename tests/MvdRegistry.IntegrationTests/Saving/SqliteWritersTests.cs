using MvdRegistry.Application.Saving;
using MvdRegistry.IntegrationTests.Infrastructure;

namespace MvdRegistry.IntegrationTests.Saving;

/// <summary>The turns SQLite's saves take to write (<see cref="SqliteWriters"/>); none on PostgreSQL.</summary>
public abstract class SqliteWritersTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    protected abstract bool TakesTurns { get; }

    [Fact]
    public async Task A_second_writer_of_the_same_database_waits_until_the_first_has_finished()
    {
        await using var first = Db();
        await using var second = Db();

        var firstTurn = await SqliteWriters.TurnAsync(first, CancellationToken.None);
        var secondTurn = SqliteWriters.TurnAsync(second, CancellationToken.None);
        await Task.Delay(200);
        var waitedWhileFirstWrote = !secondTurn.IsCompleted;
        firstTurn?.Dispose();
        var secondHeld = await secondTurn.WaitAsync(TimeSpan.FromSeconds(10));
        secondHeld?.Dispose();

        Assert.Equal(TakesTurns, waitedWhileFirstWrote);
        Assert.Equal(TakesTurns, firstTurn is not null);
    }

    [Fact]
    public async Task A_writer_that_gives_up_waiting_does_not_take_the_turn_from_the_next()
    {
        await using var db = Db();
        var turn = await SqliteWriters.TurnAsync(db, CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var gaveUp = TakesTurns
            ? await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SqliteWriters.TurnAsync(db, cancel.Token))
            : null;
        turn?.Dispose();
        turn?.Dispose();
        var next = await SqliteWriters.TurnAsync(db, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        next?.Dispose();

        Assert.Equal(TakesTurns, gaveUp is not null);
    }
}

public sealed class SqliteSqliteWritersTests(SqliteTestDatabase database) : SqliteWritersTests<SqliteTestDatabase>(database)
{
    protected override bool TakesTurns => true;
}

public sealed class PostgresSqliteWritersTests(PostgresTestDatabase database) : SqliteWritersTests<PostgresTestDatabase>(database)
{
    protected override bool TakesTurns => false;
}
