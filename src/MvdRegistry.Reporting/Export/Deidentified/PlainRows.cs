using System.Data.Common;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;

namespace MvdRegistry.Reporting.Export.Deidentified;

/// <summary>
/// Streams a form's rows by the SQL EF Core writes for the query (with its parameters), read by a plain
/// reader into new records instead of EF Core's materialisation: the record's columns come first, named
/// after its properties (the query's row narrowed by <see cref="RowColumns"/>), then <paramref name="extra"/>
/// scalars of the row's context, read by <c>context</c>, which leaves a row out by answering null. Only the
/// properties named in <c>properties</c> are read (the form's dictionary variables: never the audit timestamps,
/// whose parsing alone cost a second a million rows). On SQLite the statement is read directly
/// (<see cref="SqliteStatementCells"/>), elsewhere through the provider's data reader.
/// </summary>
internal static class PlainRows
{
    public static async IAsyncEnumerable<(RegistryRecord, RowContext)> Read<TRow>(RegistryDbContext db, IQueryable query, IReadOnlySet<string> properties,
        int extra, Func<TRow, IRowCells, int, RowContext?> context, [EnumeratorCancellation] CancellationToken ct) where TRow : RegistryRecord, new()
    {
        var entity = db.Model.FindEntityType(typeof(TRow)) ?? throw new InvalidOperationException($"{typeof(TRow).Name} is not in the model");
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = ((IQueryable<object>)query).CreateDbCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            await using var cells = await OpenAsync(command, ct);
            var reader = cells.Cells;
            var columns = reader.FieldCount - extra;
            var names = Enumerable.Range(0, columns).Select(reader.GetName).ToList();
            var setters = new List<Action<TRow, IRowCells>>();
            foreach (var property in RowColumns.Selected(entity, properties))
            {
                var ordinal = names.IndexOf(property.Name);
                if (ordinal < 0) throw new InvalidOperationException($"the {typeof(TRow).Name} query has no column {property.Name}: {string.Join(", ", names)}");
                setters.Add(Setter<TRow>(property.PropertyInfo!, ordinal));
            }
            while (await reader.ReadAsync(ct))
            {
                var row = new TRow();
                foreach (var set in setters) set(row, reader);
                if (context(row, reader, columns) is { } rowContext) yield return (row, rowContext);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The command's rows: on SQLite from the statement itself, elsewhere from the provider's data reader.</summary>
    private static async Task<OpenCells> OpenAsync(DbCommand command, CancellationToken ct)
    {
        if (command.Connection is SqliteConnection sqlite)
        {
            var statement = SqliteStatementCells.Prepare(sqlite, command);
            return new OpenCells(statement, statement);
        }
        var reader = await command.ExecuteReaderAsync(ct);
        return new OpenCells(new DataReaderCells(reader), reader);
    }

    private sealed record OpenCells(IRowCells Cells, object Owner) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            if (Owner is IAsyncDisposable async) return async.DisposeAsync();
            ((IDisposable)Owner).Dispose();
            return ValueTask.CompletedTask;
        }
    }

    private static Action<TRow, IRowCells> Setter<TRow>(PropertyInfo property, int i)
    {
        var type = property.PropertyType;
        if (type == typeof(string)) return Set<TRow, string?>(property, r => r.IsNull(i) ? null : r.GetString(i));
        if (type == typeof(int)) return Set<TRow, int>(property, r => r.GetInt32(i));
        if (type == typeof(int?)) return Set<TRow, int?>(property, r => r.IsNull(i) ? null : r.GetInt32(i));
        if (type == typeof(long)) return Set<TRow, long>(property, r => r.GetInt64(i));
        if (type == typeof(long?)) return Set<TRow, long?>(property, r => r.IsNull(i) ? null : r.GetInt64(i));
        if (type == typeof(decimal?)) return Set<TRow, decimal?>(property, r => r.IsNull(i) ? null : r.GetDecimal(i));
        if (type == typeof(bool)) return Set<TRow, bool>(property, r => r.GetBoolean(i));
        if (type == typeof(DateOnly)) return Set<TRow, DateOnly>(property, r => r.GetDate(i)!.Value);
        if (type == typeof(DateOnly?)) return Set<TRow, DateOnly?>(property, r => r.GetDate(i));
        if (type == typeof(DateTime)) return Set<TRow, DateTime>(property, r => r.GetDateTime(i));
        if (type == typeof(DateTime?)) return Set<TRow, DateTime?>(property, r => r.IsNull(i) ? null : r.GetDateTime(i));
        throw new InvalidOperationException($"{typeof(TRow).Name}.{property.Name}: no plain reading for {type.Name}");
    }

    private static Action<TRow, IRowCells> Set<TRow, T>(PropertyInfo property, Func<IRowCells, T> read)
    {
        var set = property.SetMethod!.CreateDelegate<Action<TRow, T>>();
        return (row, r) => set(row, read(r));
    }
}
