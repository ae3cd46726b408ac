using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace MvdRegistry.Data;

/// <summary>
/// The floor of the statistics' load, for the benchmark: the same SQL as <see cref="StatisticsQueries"/>
/// read with a plain data reader, each value read as the database holds it (text, integer, real) and
/// dropped: no conversion, no record, no linking. Reports, never asserts.
/// </summary>
public static class StatisticsReadFloor
{
    public sealed record Table(string Name, int Rows, TimeSpan Elapsed);

    public static async Task<IReadOnlyList<Table>> ReadAsync(RegistryDbContext db, CancellationToken ct = default)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var tables = new List<Table>();
            foreach (var (name, sql) in StatisticsQueries.Of(db).Sql())
            {
                var watch = Stopwatch.StartNew();
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                await using var reader = await command.ExecuteReaderAsync(ct);
                var rows = 0;
                long sink = 0;
                while (await reader.ReadAsync(ct))
                {
                    rows++;
                    for (var i = 0; i < reader.FieldCount; i++) sink += Touch(reader, i);
                }
                GC.KeepAlive(sink);
                tables.Add(new Table(name, rows, watch.Elapsed));
            }
            return tables;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static long Touch(DbDataReader reader, int i)
    {
        if (reader.IsDBNull(i)) return 0;
        var type = reader.GetFieldType(i);
        if (type == typeof(long) || type == typeof(int) || type == typeof(short)) return reader.GetInt64(i);
        if (type == typeof(double) || type == typeof(float)) return (long)reader.GetDouble(i);
        if (type == typeof(string)) return reader.GetString(i).Length;
        return reader.GetValue(i).GetHashCode();
    }
}
