using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace MvdRegistry.Data.Bulk;

/// <summary>
/// Inserts many rows of one entity type with one prepared command, inside the context's current
/// transaction. Table, columns and value conversion come from the EF Core model and its type
/// mappings, so the rows are exactly what SaveChanges would write, on every provider, at a fraction
/// of the cost (SaveChanges tracks and batches each entity; this binds parameters and executes).
/// The caller writes the audit rows: this class knows nothing of auditing.
/// </summary>
public static class BulkInserter
{
    public static async Task InsertAsync<T>(RegistryDbContext db, IEnumerable<T> rows, CancellationToken ct = default) where T : class
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("bulk inserts run inside a transaction");
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never).ToArray();
        var sql = db.GetService<ISqlGenerationHelper>();

        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) " +
            $"VALUES ({string.Join(", ", properties.Select((_, i) => "@p" + i))})";
        var parameters = new DbParameter[properties.Length];
        var mappings = properties.Select(p => (RelationalTypeMapping)p.GetRelationalTypeMapping()).ToArray();
        var getters = properties.Select(p => p.GetGetter()).ToArray();
        var prepared = false;
        foreach (var row in rows)
        {
            for (var i = 0; i < properties.Length; i++)
            {
                var value = getters[i].GetClrValueUsingContainingEntity(row);
                if (parameters[i] is null)
                {
                    // The mapping creates and configures the parameter (type, size, value conversion)
                    // once; later rows only change its value, converted the same way.
                    parameters[i] = mappings[i].CreateParameter(command, "@p" + i, value, properties[i].IsNullable);
                    command.Parameters.Add(parameters[i]);
                }
                else
                {
                    var converted = mappings[i].Converter is { } converter && value is not null ? converter.ConvertToProvider(value) : value;
                    parameters[i].Value = converted ?? DBNull.Value;
                }
            }
            if (!prepared)
            {
                await command.PrepareAsync(ct);
                prepared = true;
            }
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
