using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace MvdRegistry.Data.Bulk;

/// <summary>
/// Inserts many rows of one entity type with prepared multi-row INSERT commands, inside the context's
/// current transaction. Table, columns and value conversion come from the EF Core model and its type
/// mappings, so the rows are exactly what SaveChanges would write, on every provider, at a fraction
/// of the cost (SaveChanges tracks and batches each entity; this binds parameters and executes). On
/// PostgreSQL the rows go in by binary COPY instead (<see cref="PostgresCopy"/>), several times faster than
/// its multi-row INSERTs, unless they are a collection of fewer than one command's rows.
/// The caller writes the audit rows: this class knows nothing of auditing.
/// </summary>
public static class BulkInserter
{
    // SQL Server accepts at most 2,100 parameters in a command; the others accept more.
    private const int MaxParameters = 2_000;
    private const int MaxRowsPerCommand = 200;

    public static async Task InsertAsync<T>(RegistryDbContext db, IEnumerable<T> rows, CancellationToken ct = default) where T : class
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("bulk inserts run inside a transaction");
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var table = ModelNames.Table(db, entity);
        var columns = entity.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never)
            .Select(p => new Column(p, (RelationalTypeMapping)p.GetRelationalTypeMapping(), p.GetGetter(), ModelNames.Column(db, p)))
            .ToArray();
        // COPY costs PostgreSQL two round trips whatever the count: a few rows (a save's overdue rows, under the
        // site's lock) go faster as one INSERT.
        if (transaction.Connection is NpgsqlConnection npgsql && rows is not ICollection<T> { Count: < MaxRowsPerCommand })
        {
            await PostgresCopy.InsertAsync(npgsql, table, columns, rows, ct);
            return;
        }
        var insert = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Name))}) VALUES ";
        // A server round trip per row dominates on PostgreSQL and SQL Server; SQLite runs in process
        // and is fastest (and slows down markedly with thousands of parameters) one row at a time.
        var rowsPerCommand = db.Database.IsSqlite() ? 1 : Math.Clamp(MaxParameters / columns.Length, 1, MaxRowsPerCommand);

        DbCommand? full = null;
        try
        {
            foreach (var chunk in rows.Chunk(rowsPerCommand))
            {
                if (chunk.Length == rowsPerCommand)
                {
                    full ??= await CommandAsync(transaction, insert, columns, chunk, prepare: true, ct);
                    await ExecuteAsync(full, columns, chunk, ct);
                }
                else
                {
                    // Run once: preparing it first would cost PostgreSQL a round trip of its own (a save's one row).
                    await using var last = await CommandAsync(transaction, insert, columns, chunk, prepare: false, ct);
                    await ExecuteAsync(last, columns, chunk, ct);
                }
            }
        }
        finally
        {
            if (full is not null) await full.DisposeAsync();
        }
    }

    /// <summary>A column written, <paramref name="Name"/> delimited (<see cref="ModelNames"/>).</summary>
    internal sealed record Column(IProperty Property, RelationalTypeMapping Mapping, IClrPropertyGetter Getter, string Name);

    /// <summary>A row's value of a column as the database stores it (through the mapping's converter), null for none.</summary>
    internal static object? ProviderValue<T>(Column column, T row) where T : class
    {
        var value = column.Getter.GetClrValueUsingContainingEntity(row);
        return column.Mapping.Converter is { } converter && value is not null ? converter.ConvertToProvider(value) : value;
    }

    /// <summary>A command for <paramref name="sample"/>.Length rows, prepared if it is to run again; the mappings create and configure its parameters.</summary>
    private static async Task<DbCommand> CommandAsync<T>(DbTransaction transaction, string insert, Column[] columns, T[] sample, bool prepare, CancellationToken ct) where T : class
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        var values = new List<string>(sample.Length);
        for (var r = 0; r < sample.Length; r++)
        {
            var names = new string[columns.Length];
            for (var c = 0; c < columns.Length; c++)
            {
                names[c] = $"@p{r}_{c}";
                var value = columns[c].Getter.GetClrValueUsingContainingEntity(sample[r]);
                command.Parameters.Add(columns[c].Mapping.CreateParameter(command, names[c], value, columns[c].Property.IsNullable));
            }
            values.Add("(" + string.Join(", ", names) + ")");
        }
        command.CommandText = insert + string.Join(", ", values);
        if (prepare) await command.PrepareAsync(ct);
        return command;
    }

    private static async Task ExecuteAsync<T>(DbCommand command, Column[] columns, T[] rows, CancellationToken ct) where T : class
    {
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                command.Parameters[r * columns.Length + c].Value = ProviderValue(columns[c], rows[r]) ?? DBNull.Value;
            }
        }
        await command.ExecuteNonQueryAsync(ct);
    }
}
