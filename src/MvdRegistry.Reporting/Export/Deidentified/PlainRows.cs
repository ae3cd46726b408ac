using System.Data.Common;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;

namespace MvdRegistry.Reporting.Export.Deidentified;

/// <summary>
/// Streams a form's rows by the SQL EF Core writes for the query (with its parameters), read by a plain
/// data reader into new records instead of EF Core's materialisation: the record's mapped columns come
/// first, then <paramref name="extra"/> scalars of the row's context, read by <c>context</c>. Only the
/// properties named in <c>properties</c> are read (the form's dictionary variables: never the audit
/// timestamps, whose parsing alone cost a second a million rows); SQLite's dates are parsed from their
/// <c>yyyy-MM-dd</c> text directly.
/// </summary>
internal static class PlainRows
{
    public static async IAsyncEnumerable<(RegistryRecord, RowContext)> Read<TRow>(RegistryDbContext db, IQueryable query, IReadOnlySet<string> properties,
        int extra, Func<TRow, DbDataReader, int, RowContext> context, [EnumeratorCancellation] CancellationToken ct) where TRow : RegistryRecord, new()
    {
        var entity = db.Model.FindEntityType(typeof(TRow)) ?? throw new InvalidOperationException($"{typeof(TRow).Name} is not in the model");
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = ((IQueryable<object>)query).CreateDbCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            await using var reader = await command.ExecuteReaderAsync(ct);
            var columns = reader.FieldCount - extra;
            var names = Enumerable.Range(0, columns).Select(reader.GetName).ToList();
            var setters = new List<Action<TRow, DbDataReader>>();
            foreach (var property in entity.GetProperties().Where(p => p.PropertyInfo is not null && properties.Contains(p.Name)))
            {
                var ordinal = names.IndexOf(property.GetColumnName());
                if (ordinal < 0) throw new InvalidOperationException($"the {typeof(TRow).Name} query has no column {property.GetColumnName()}: {string.Join(", ", names)}");
                setters.Add(Setter<TRow>(property.PropertyInfo!, ordinal));
            }
            while (await reader.ReadAsync(ct))
            {
                var row = new TRow();
                foreach (var set in setters) set(row, reader);
                yield return (row, context(row, reader, columns));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public static DateOnly? Date(DbDataReader r, int i) => PlainDates.Read(r, i);

    private static Action<TRow, DbDataReader> Setter<TRow>(PropertyInfo property, int i)
    {
        var type = property.PropertyType;
        if (type == typeof(string)) return Set<TRow, string?>(property, r => r.IsDBNull(i) ? null : r.GetString(i));
        if (type == typeof(int)) return Set<TRow, int>(property, r => r.GetInt32(i));
        if (type == typeof(int?)) return Set<TRow, int?>(property, r => r.IsDBNull(i) ? null : r.GetInt32(i));
        if (type == typeof(long)) return Set<TRow, long>(property, r => r.GetInt64(i));
        if (type == typeof(long?)) return Set<TRow, long?>(property, r => r.IsDBNull(i) ? null : r.GetInt64(i));
        if (type == typeof(decimal?)) return Set<TRow, decimal?>(property, r => r.IsDBNull(i) ? null : r.GetDecimal(i));
        if (type == typeof(bool)) return Set<TRow, bool>(property, r => r.GetBoolean(i));
        if (type == typeof(DateOnly)) return Set<TRow, DateOnly>(property, r => PlainDates.Read(r, i)!.Value);
        if (type == typeof(DateOnly?)) return Set<TRow, DateOnly?>(property, r => Date(r, i));
        if (type == typeof(DateTime)) return Set<TRow, DateTime>(property, r => r.GetFieldValue<DateTime>(i));
        if (type == typeof(DateTime?)) return Set<TRow, DateTime?>(property, r => r.IsDBNull(i) ? null : r.GetFieldValue<DateTime>(i));
        throw new InvalidOperationException($"{typeof(TRow).Name}.{property.Name}: no plain reading for {type.Name}");
    }

    private static Action<TRow, DbDataReader> Set<TRow, T>(PropertyInfo property, Func<DbDataReader, T> read)
    {
        var set = property.SetMethod!.CreateDelegate<Action<TRow, T>>();
        return (row, r) => set(row, read(r));
    }
}
