using System.Data;

namespace MvdRegistry.Reporting.Export.Deidentified;

/// <summary>
/// A sheet's rows as the forward-only <see cref="IDataReader"/> MiniExcel writes fastest: a cell is
/// read by its column's position (no dictionary a row, no key hashed a cell), and the header comes from
/// the columns, so a sheet without rows still has its header row. Only what MiniExcel calls is served.
/// </summary>
public sealed class SheetDataReader(IReadOnlyList<string> names, IEnumerable<object?[]> rows) : IDataReader
{
    private readonly IEnumerator<object?[]> _rows = rows.GetEnumerator();
    private object?[] _row = [];

    /// <summary>Called after each row is read, with the rows read so far.</summary>
    public Action<int>? OnRow { get; init; }

    public int Rows { get; private set; }

    public int FieldCount => names.Count;

    public string GetName(int i) => names[i];

    public int GetOrdinal(string name) => names is List<string> list ? list.IndexOf(name) : names.ToList().IndexOf(name);

    public bool Read()
    {
        if (!_rows.MoveNext()) return false;
        _row = _rows.Current;
        OnRow?.Invoke(++Rows);
        return true;
    }

    public object GetValue(int i) => _row[i] ?? DBNull.Value;

    public bool IsDBNull(int i) => _row[i] is null;

    public object this[int i] => GetValue(i);

    public object this[string name] => GetValue(GetOrdinal(name));

    public int GetValues(object[] values)
    {
        var n = Math.Min(values.Length, _row.Length);
        for (var i = 0; i < n; i++) values[i] = GetValue(i);
        return n;
    }

    public Type GetFieldType(int i) => typeof(object);

    public string GetDataTypeName(int i) => nameof(Object);

    public int Depth => 0;

    public bool IsClosed { get; private set; }

    public int RecordsAffected => -1;

    public void Close() => Dispose();

    public void Dispose()
    {
        if (IsClosed) return;
        IsClosed = true;
        _rows.Dispose();
    }

    public bool NextResult() => false;

    public DataTable? GetSchemaTable() => null;

    public bool GetBoolean(int i) => (bool)GetValue(i);
    public byte GetByte(int i) => (byte)GetValue(i);
    public long GetBytes(int i, long fieldOffset, byte[]? buffer, int bufferoffset, int length) => throw new NotSupportedException();
    public char GetChar(int i) => (char)GetValue(i);
    public long GetChars(int i, long fieldoffset, char[]? buffer, int bufferoffset, int length) => throw new NotSupportedException();
    public IDataReader GetData(int i) => throw new NotSupportedException();
    public DateTime GetDateTime(int i) => (DateTime)GetValue(i);
    public decimal GetDecimal(int i) => (decimal)GetValue(i);
    public double GetDouble(int i) => (double)GetValue(i);
    public float GetFloat(int i) => (float)GetValue(i);
    public Guid GetGuid(int i) => (Guid)GetValue(i);
    public short GetInt16(int i) => (short)GetValue(i);
    public int GetInt32(int i) => (int)GetValue(i);
    public long GetInt64(int i) => (long)GetValue(i);
    public string GetString(int i) => (string)GetValue(i);
}
