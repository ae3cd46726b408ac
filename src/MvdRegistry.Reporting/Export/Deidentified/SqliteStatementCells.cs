using System.Buffers.Text;
using System.Data.Common;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace MvdRegistry.Reporting.Export.Deidentified;

/// <summary>
/// A query's rows read straight from SQLite's statement: the command EF Core wrote (its SQL and parameters) prepared
/// on the export's open connection, each cell read by one or two native calls into the SQLite library the provider
/// already loaded. Microsoft.Data.Sqlite spends four to six native calls a cell, each through a SafeHandle that is
/// counted up and down; at 100,000 patients (17 million cells) that was a third of the export's reading task.
/// Text that repeats in a column (codes, yes/no) is kept per column and reused rather than decoded anew.
/// Values read as Microsoft.Data.Sqlite reads them: dates as yyyy-MM-dd text, decimals as their invariant text.
/// </summary>
public sealed unsafe partial class SqliteStatementCells : IRowCells, IDisposable
{
    private const string Library = "e_sqlite3";
    private const int RecentTexts = 8;
    private const int ShortText = 32;

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly IntPtr _handle;
    private readonly bool _addedRef;
    private readonly string[] _names;
    private readonly (byte[] Bytes, string Text)[][] _recent;
    private readonly int[] _next;

    private SqliteStatementCells(sqlite3 db, sqlite3_stmt statement)
    {
        _db = db;
        _statement = statement;
        statement.DangerousAddRef(ref _addedRef);
        _handle = statement.DangerousGetHandle();
        _names = new string[raw.sqlite3_column_count(statement)];
        for (var i = 0; i < _names.Length; i++) _names[i] = raw.sqlite3_column_name(statement, i).utf8_to_string();
        _recent = _names.Select(_ => new (byte[], string)[RecentTexts]).ToArray();
        _next = new int[_names.Length];
    }

    /// <summary>Prepares <paramref name="command"/> (one statement, on its open connection) with its parameters bound.</summary>
    /// <exception cref="NotSupportedException">A parameter's value is of a kind this reader does not bind.</exception>
    public static SqliteStatementCells Prepare(SqliteConnection connection, DbCommand command)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("the SQLite connection is not open");
        var rc = raw.sqlite3_prepare_v2(db, command.CommandText, out var statement, out var tail);
        Check(db, rc);
        var cells = new SqliteStatementCells(db, statement);
        try
        {
            if (!string.IsNullOrWhiteSpace(tail)) throw new InvalidOperationException("the export's query is more than one statement");
            foreach (DbParameter parameter in command.Parameters) cells.Bind(parameter);
            return cells;
        }
        catch
        {
            cells.Dispose();
            throw;
        }
    }

    private void Bind(DbParameter parameter)
    {
        var name = parameter.ParameterName;
        var index = raw.sqlite3_bind_parameter_index(_statement, name);
        foreach (var prefix in new[] { "@", "$", ":" })
            if (index == 0) index = raw.sqlite3_bind_parameter_index(_statement, prefix + name);
        if (index == 0) throw new InvalidOperationException($"the export's query has no parameter {name}");
        var rc = parameter.Value switch
        {
            null or DBNull => raw.sqlite3_bind_null(_statement, index),
            string s => raw.sqlite3_bind_text(_statement, index, s),
            bool b => raw.sqlite3_bind_int64(_statement, index, b ? 1 : 0),
            int n => raw.sqlite3_bind_int64(_statement, index, n),
            long n => raw.sqlite3_bind_int64(_statement, index, n),
            double d => raw.sqlite3_bind_double(_statement, index, d),
            DateOnly d => raw.sqlite3_bind_text(_statement, index, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            var other => throw new NotSupportedException($"the export's query parameter {name} is a {other.GetType().Name}, which the SQLite reader does not bind"),
        };
        Check(_db, rc);
    }

    public int FieldCount => _names.Length;

    public string GetName(int i) => _names[i];

    public ValueTask<bool> ReadAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var rc = raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_ROW) return ValueTask.FromResult(true);
        if (rc == raw.SQLITE_DONE) return ValueTask.FromResult(false);
        Check(_db, rc);
        return ValueTask.FromResult(false);
    }

    public bool IsNull(int i) => ColumnType(_handle, i) == raw.SQLITE_NULL;

    public string GetString(int i)
    {
        var text = Text(i);
        if (text.Length > ShortText) return Encoding.UTF8.GetString(text);
        var recent = _recent[i];
        foreach (var (bytes, known) in recent)
            if (bytes is not null && text.SequenceEqual(bytes)) return known;
        var decoded = Encoding.UTF8.GetString(text);
        recent[_next[i]] = (text.ToArray(), decoded);
        _next[i] = (_next[i] + 1) % RecentTexts;
        return decoded;
    }

    public int GetInt32(int i) => checked((int)ColumnInt64(_handle, i));

    public long GetInt64(int i) => ColumnInt64(_handle, i);

    public bool GetBoolean(int i) => ColumnInt64(_handle, i) != 0;

    public decimal GetDecimal(int i)
    {
        var type = ColumnType(_handle, i);
        if (type == raw.SQLITE_INTEGER) return ColumnInt64(_handle, i);
        if (type == raw.SQLITE_FLOAT) return (decimal)ColumnDouble(_handle, i);
        var text = Text(i);
        return Utf8Parser.TryParse(text, out decimal value, out var used) && used == text.Length
            ? value
            : decimal.Parse(Encoding.UTF8.GetString(text), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
    }

    public DateOnly? GetDate(int i)
    {
        if (IsNull(i)) return null;
        var text = Text(i);
        return Iso(text) ?? DateOnly.Parse(Encoding.UTF8.GetString(text), CultureInfo.InvariantCulture);
    }

    public DateTime GetDateTime(int i) => DateTime.Parse(Encoding.UTF8.GetString(Text(i)), CultureInfo.InvariantCulture);

    /// <summary>yyyy-MM-dd; null for anything else.</summary>
    private static DateOnly? Iso(ReadOnlySpan<byte> s)
    {
        if (s.Length != 10 || s[4] != '-' || s[7] != '-') return null;
        var (year, month, day) = (Digits(s[..4]), Digits(s[5..7]), Digits(s[8..]));
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return new DateOnly(year, month, day);
    }

    private static int Digits(ReadOnlySpan<byte> s)
    {
        var value = 0;
        foreach (var b in s)
        {
            var d = b - '0';
            if ((uint)d > 9) return -1;
            value = value * 10 + d;
        }
        return value;
    }

    /// <summary>The cell as UTF-8 text (SQLite converts a number to its text); valid until the next call on this column.</summary>
    private ReadOnlySpan<byte> Text(int i)
    {
        var text = ColumnText(_handle, i);
        return text is null ? [] : new ReadOnlySpan<byte>(text, ColumnBytes(_handle, i));
    }

    private static void Check(sqlite3 db, int rc)
    {
        if (rc is 0 or 100 or 101) return;
        throw new SqliteException($"SQLite Error {rc}: '{raw.sqlite3_errmsg(db).utf8_to_string()}'.", rc);
    }

    public void Dispose()
    {
        if (_addedRef) _statement.DangerousRelease();
        _statement.Dispose();
    }

    // The statement's column accessors, called with its native handle (held by the reference added above): no
    // SafeHandle counting, no GC transition (each returns at once, and never calls back).
    [LibraryImport(Library, EntryPoint = "sqlite3_column_type"), SuppressGCTransition]
    private static partial int ColumnType(IntPtr statement, int i);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_int64"), SuppressGCTransition]
    private static partial long ColumnInt64(IntPtr statement, int i);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_double"), SuppressGCTransition]
    private static partial double ColumnDouble(IntPtr statement, int i);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_text"), SuppressGCTransition]
    private static partial byte* ColumnText(IntPtr statement, int i);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_bytes"), SuppressGCTransition]
    private static partial int ColumnBytes(IntPtr statement, int i);
}
