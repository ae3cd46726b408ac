using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Sylvan.Data.Csv;

// Usage: ImportFloor sqlite|postgres|postgres-copy CONNECTION-STRING BUNDLE-DIR
// The import's floor: the five files of a bundle read with a plain CSV reader and loaded as they are,
// every value as text (an empty one as NULL), into one table per file with a text column per CSV
// column, in ONE transaction, with no validation, no audit and no index. sqlite and postgres use one
// prepared INSERT per row (PostgreSQL: 100 rows per round trip in an NpgsqlBatch, as EF Core batches);
// postgres-copy uses PostgreSQL's binary COPY instead, the fastest load PostgreSQL has.
// The tables are dropped and created first, so the target is any scratch database.
if (args.Length != 3 || args[0] is not ("sqlite" or "postgres" or "postgres-copy"))
{
    Console.Error.WriteLine("usage: ImportFloor sqlite|postgres|postgres-copy CONNECTION-STRING BUNDLE-DIR");
    return 2;
}
var (mode, connectionString, bundle) = (args[0], args[1], args[2]);
string[] files = ["patients", "cases", "imaging", "followups", "complications"];
const int BatchSize = 100;

var watch = Stopwatch.StartNew();
// PostgreSQL prepares a statement once it has been sent a few times (Npgsql's automatic preparation).
await using DbConnection connection = mode == "sqlite"
    ? new SqliteConnection(connectionString)
    : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 16 }.ConnectionString);
await connection.OpenAsync();
await using var transaction = await connection.BeginTransactionAsync();
var total = 0L;
foreach (var file in files)
{
    using var csv = CsvDataReader.Create(Path.Combine(bundle, file + ".csv"));
    var columns = Enumerable.Range(0, csv.FieldCount).Select(i => "\"" + csv.GetName(i).Replace("\"", "\"\"") + "\"").ToArray();
    var table = "\"floor_" + file + "\"";
    await using (var ddl = connection.CreateCommand())
    {
        ddl.Transaction = transaction;
        ddl.CommandText = $"DROP TABLE IF EXISTS {table}; CREATE TABLE {table} ({string.Join(", ", columns.Select(c => c + " text"))})";
        await ddl.ExecuteNonQueryAsync();
    }
    var rows = mode switch
    {
        "sqlite" => await SqliteInsertsAsync((SqliteConnection)connection, (SqliteTransaction)transaction, csv, table, columns),
        "postgres" => await PostgresInsertsAsync((NpgsqlConnection)connection, (NpgsqlTransaction)transaction, csv, table, columns),
        _ => await PostgresCopyAsync((NpgsqlConnection)connection, csv, table, columns),
    };
    Console.WriteLine($"{file}: {rows} rows");
    total += rows;
}
await transaction.CommitAsync();
Console.WriteLine($"{mode}: {total} rows in {watch.Elapsed.TotalSeconds:F2} s");
return 0;

static object Value(CsvDataReader csv, int i) => csv.GetString(i) is { Length: > 0 } text ? text : DBNull.Value;

static async Task<long> SqliteInsertsAsync(SqliteConnection connection, SqliteTransaction transaction, CsvDataReader csv, string table, string[] columns)
{
    await using var insert = connection.CreateCommand();
    insert.Transaction = transaction;
    insert.CommandText = $"INSERT INTO {table} VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
    var parameters = columns.Select((_, i) => insert.Parameters.Add("$p" + i, SqliteType.Text)).ToArray();
    insert.Prepare();
    var rows = 0L;
    while (await csv.ReadAsync())
    {
        for (var i = 0; i < parameters.Length; i++) parameters[i].Value = Value(csv, i);
        await insert.ExecuteNonQueryAsync();
        rows++;
    }
    return rows;
}

static async Task<long> PostgresInsertsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CsvDataReader csv, string table, string[] columns)
{
    var sql = $"INSERT INTO {table} VALUES ({string.Join(", ", columns.Select((_, i) => "$" + (i + 1)))})";
    var rows = 0L;
    var batch = new NpgsqlBatch(connection, transaction);
    while (await csv.ReadAsync())
    {
        var command = new NpgsqlBatchCommand(sql);
        for (var i = 0; i < columns.Length; i++) command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = Value(csv, i) });
        batch.BatchCommands.Add(command);
        rows++;
        if (batch.BatchCommands.Count == BatchSize)
        {
            await batch.ExecuteNonQueryAsync();
            await batch.DisposeAsync();
            batch = new NpgsqlBatch(connection, transaction);
        }
    }
    if (batch.BatchCommands.Count > 0) await batch.ExecuteNonQueryAsync();
    await batch.DisposeAsync();
    return rows;
}

static async Task<long> PostgresCopyAsync(NpgsqlConnection connection, CsvDataReader csv, string table, string[] columns)
{
    var rows = 0L;
    await using var writer = await connection.BeginBinaryImportAsync($"COPY {table} FROM STDIN (FORMAT BINARY)");
    while (await csv.ReadAsync())
    {
        await writer.StartRowAsync();
        for (var i = 0; i < columns.Length; i++)
        {
            if (Value(csv, i) is string text) await writer.WriteAsync(text, NpgsqlDbType.Text);
            else await writer.WriteNullAsync();
        }
        rows++;
    }
    await writer.CompleteAsync();
    return rows;
}
