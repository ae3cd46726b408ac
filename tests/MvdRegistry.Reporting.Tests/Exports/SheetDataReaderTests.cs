using MvdRegistry.Reporting.Export.Deidentified;

namespace MvdRegistry.Reporting.Tests.Exports;

/// <summary>A sheet's rows as the data reader MiniExcel writes: cells by position, an empty cell as DBNull, read once.</summary>
public sealed class SheetDataReaderTests
{
    private sealed class Rows(params object?[][] rows) : IEnumerable<object?[]>
    {
        public int Disposed { get; private set; }

        public IEnumerator<object?[]> GetEnumerator() => new Enumerator(this, ((IEnumerable<object?[]>)rows).GetEnumerator());

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        private sealed class Enumerator(Rows owner, IEnumerator<object?[]> inner) : IEnumerator<object?[]>
        {
            public object?[] Current => inner.Current;
            object System.Collections.IEnumerator.Current => Current;
            public bool MoveNext() => inner.MoveNext();
            public void Reset() => inner.Reset();
            public void Dispose() => owner.Disposed++;
        }
    }

    [Fact]
    public void Cells_are_read_by_position_an_empty_one_as_DBNull_and_each_row_is_counted()
    {
        var counted = new List<int>();
        using var reader = new SheetDataReader(["id", "n"], new Rows(["P-a", 3], ["P-b", null])) { OnRow = counted.Add };

        Assert.Equal(2, reader.FieldCount);
        Assert.Equal(("id", "n"), (reader.GetName(0), reader.GetName(1)));
        Assert.Equal(1, reader.GetOrdinal("n"));
        Assert.Equal(-1, reader.GetOrdinal("missing"));
        Assert.True(reader.Read());
        Assert.Equal(("P-a", 3), (reader.GetValue(0), reader[1]));
        Assert.False(reader.IsDBNull(1));
        Assert.True(reader.Read());
        Assert.Same(DBNull.Value, reader.GetValue(1));
        Assert.Same(DBNull.Value, reader["n"]);
        Assert.True(reader.IsDBNull(1));
        var values = new object[3];
        Assert.Equal(2, reader.GetValues(values));
        Assert.Equal(new object?[] { "P-b", DBNull.Value, null }, values);
        Assert.Equal(1, reader.GetValues(new object[1]));
        Assert.False(reader.Read());
        Assert.Equal(2, reader.Rows);
        Assert.Equal(new[] { 1, 2 }, counted);
        Assert.False(reader.NextResult());
        Assert.Equal(-1, reader.RecordsAffected);
    }

    [Fact]
    public void Closing_it_disposes_its_rows_once()
    {
        var rows = new Rows(["P-a"]);
        var reader = new SheetDataReader(["id"], rows);

        Assert.False(reader.IsClosed);
        reader.Close();
        reader.Dispose();

        Assert.True(reader.IsClosed);
        Assert.Equal(1, rows.Disposed);
    }
}
