using System.Text.RegularExpressions;
using Npgsql;

namespace MvdRegistry.Data.Bulk;

/// <summary>
/// PostgreSQL's fastest load: binary COPY into the table, inside the connection's current transaction, each
/// value written as its column's store type as the EF Core model maps it (the same values the prepared
/// inserts bind; the table's constraints, indexes and triggers apply as they do to an INSERT).
/// </summary>
internal static partial class PostgresCopy
{
    public static async Task InsertAsync<T>(NpgsqlConnection connection, string table, BulkInserter.Column[] columns, IEnumerable<T> rows,
        CancellationToken ct) where T : class
    {
        // "character varying(32)" is written as "character varying": the facets are the column's, not the value's.
        var types = columns.Select(c => Facets().Replace(c.Mapping.StoreType, "")).ToArray();
        var names = string.Join(", ", columns.Select(c => c.Name));
        await using var writer = await connection.BeginBinaryImportAsync($"COPY {table} ({names}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct);
            for (var c = 0; c < columns.Length; c++)
            {
                var value = BulkInserter.ProviderValue(columns[c], row);
                if (value is null) await writer.WriteNullAsync(ct);
                else await writer.WriteAsync(value, types[c], ct);
            }
        }
        await writer.CompleteAsync(ct);
    }

    [GeneratedRegex(@"\(\s*\d+\s*(,\s*\d+\s*)?\)")]
    private static partial Regex Facets();
}
