using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Data;

namespace MvdRegistry.Reporting.Export.Deidentified;

/// <summary>
/// A form's query sent to the database server as soon as the export is set up, on a connection of its own, and read when its
/// sheet's turn comes (<see cref="PlainRows"/>): the server orders the rows (its sorts and joins) while the writer writes the
/// sheets before it, and holds them back (the socket's flow control) until they are read. Read one after another on one
/// connection, each sheet's first row came only after its query's sort, and MiniExcel's thread waited for it: 0.9-1.3 s per
/// export at 100,000 patients on PostgreSQL, mostly at the sheets' starts.
/// </summary>
internal sealed class StartedQuery : IAsyncDisposable
{
    private readonly DbCommand _command;
    private readonly Task<(DbConnection Connection, DbDataReader Reader)?> _running;
    private bool _taken;

    /// <param name="command">Made by the caller from the context (EF Core's translation, on the caller's thread: a context is not thread-safe).</param>
    public StartedQuery(RegistryDbContext db, DbCommand command, CancellationToken ct)
    {
        _command = command;
        _running = RunAsync(db, command, ct);
    }

    private static async Task<(DbConnection, DbDataReader)?> RunAsync(RegistryDbContext db, DbCommand command, CancellationToken ct)
    {
        // Everything that reads the context runs here, before the first await, on the caller's thread.
        var postgres = db.Database.IsNpgsql();
        var connection = await db.OpenConnectionBesideAsync(ct);
        if (connection is null) return null;
        try
        {
            await ReadingSession.ApplyAsync(connection, postgres, ct);
            command.Connection = connection;
            command.Transaction = null;
            return (connection, await command.ExecuteReaderAsync(ct));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The running query's connection and reader, the caller's to dispose from now on; none where no second connection could be opened.</summary>
    public Task<(DbConnection Connection, DbDataReader Reader)?> TakeAsync()
    {
        _taken = true;
        return _running;
    }

    /// <summary>A query never read (the export failed or was cancelled first) is cancelled on the server and its connection closed.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_taken) return;
        _taken = true;
        try
        {
            if (await _running is not var (connection, reader)) return;
            try { _command.Cancel(); }
            catch (DbException) { }
            try { await reader.DisposeAsync(); }
            catch (DbException) { }
            await connection.DisposeAsync();
        }
        catch (Exception e) when (e is DbException or OperationCanceledException or InvalidOperationException)
        {
            // Its error belongs to an export that has already ended with its own.
        }
        finally
        {
            await _command.DisposeAsync();
        }
    }
}
