using Microsoft.Data.Sqlite;
using MvdRegistry.Reporting.Export.Deidentified;

namespace MvdRegistry.Reporting.Tests.Exports;

/// <summary>The export's SQLite rows read from the statement itself: every value as Microsoft.Data.Sqlite reads it, parameters bound, errors clear.</summary>
public sealed class SqliteStatementCellsTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public SqliteStatementCellsTests()
    {
        _connection.Open();
        Execute("""
            CREATE TABLE t (k INTEGER, s TEXT, n INTEGER, d TEXT, m TEXT, day TEXT);
            INSERT INTO t VALUES (1, 'yes', 7, '2021-05-10', '22.5', '2021-05-10');
            INSERT INTO t VALUES (2, 'no', NULL, NULL, NULL, '2021-5-9');
            INSERT INTO t VALUES (3, 'yes', -3, '1999-12-31', '-0.25', '2020-02-29');
            INSERT INTO t VALUES (4, 'yesno', 2147483647, '2000-01-01', '1E2', '2020-01-01');
            INSERT INTO t VALUES (5, 'Ménière: a text longer than thirty-two bytes, read whole', 0, '2000-01-01', '3', '2020-01-01');
            INSERT INTO t VALUES (6, '', 1, '2000-01-01', '3', '2020-01-01');
            """);
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteStatementCells Prepare(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return SqliteStatementCells.Prepare(_connection, command);
    }

    /// <summary>Every cell of every row as the provider's own data reader gives it.</summary>
    private List<object?[]> ByProvider(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
            rows.Add([
                reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt32(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateOnly>(3), reader.IsDBNull(4) ? null : reader.GetDecimal(4),
                reader.GetFieldValue<DateOnly>(5),
            ]);
        return rows;
    }

    [Fact]
    public async Task Every_cell_reads_as_the_provider_s_data_reader_reads_it()
    {
        const string sql = "SELECT k, s, n, d, m, day FROM t ORDER BY k";
        using var cells = Prepare(sql);
        var rows = new List<object?[]>();
        while (await cells.ReadAsync(CancellationToken.None))
            rows.Add([
                cells.GetInt64(0), cells.IsNull(1) ? null : cells.GetString(1), cells.IsNull(2) ? null : cells.GetInt32(2),
                cells.GetDate(3), cells.IsNull(4) ? null : cells.GetDecimal(4), cells.GetDate(5),
            ]);

        Assert.Equal(6, rows.Count);
        Assert.Equal(ByProvider(sql), rows);
        Assert.Equal(["k", "s", "n", "d", "m", "day"], Enumerable.Range(0, cells.FieldCount).Select(cells.GetName));
    }

    [Fact]
    public async Task A_repeated_text_is_the_same_value_and_a_different_one_never_is()
    {
        using var cells = Prepare("SELECT s FROM t ORDER BY k");
        var texts = new List<string>();
        while (await cells.ReadAsync(CancellationToken.None)) texts.Add(cells.GetString(0));

        Assert.Equal(["yes", "no", "yes", "yesno", "Ménière: a text longer than thirty-two bytes, read whole", ""], texts);
        Assert.Same(texts[0], texts[2]);
    }

    [Fact]
    public async Task Parameters_are_bound_by_name_as_the_provider_binds_them()
    {
        using var cells = Prepare("SELECT k FROM t WHERE s = @s AND d >= @from AND n > @n AND (@none IS NULL) ORDER BY k",
            ("@s", "yes"), ("@from", new DateOnly(2000, 1, 1)), ("@n", 0), ("@none", null));
        var keys = new List<long>();
        while (await cells.ReadAsync(CancellationToken.None)) keys.Add(cells.GetInt64(0));

        Assert.Equal([1L], keys);
    }

    [Fact]
    public void A_parameter_of_a_kind_it_does_not_bind_is_refused_by_name()
    {
        var error = Assert.Throws<NotSupportedException>(() => Prepare("SELECT k FROM t WHERE k = @g", ("@g", Guid.Empty)));
        Assert.Contains("@g", error.Message);
    }

    [Fact]
    public void A_query_SQLite_cannot_prepare_fails_with_SQLite_s_message()
    {
        var error = Assert.Throws<SqliteException>(() => Prepare("SELECT missing_column FROM t"));
        Assert.Contains("no such column: missing_column", error.Message);
    }

    [Fact]
    public void More_than_one_statement_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => Prepare("SELECT k FROM t; DELETE FROM t"));
        Assert.Equal(6L, (long)new SqliteCommand("SELECT count(*) FROM t", _connection).ExecuteScalar()!);
    }

    public void Dispose() => _connection.Dispose();
}
