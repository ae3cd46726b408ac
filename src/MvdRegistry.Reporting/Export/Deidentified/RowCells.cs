using System.Data.Common;
using MvdRegistry.Data;

namespace MvdRegistry.Reporting.Export.Deidentified;

/// <summary>
/// The current row's cells as <see cref="PlainRows"/> reads them, by position: from any provider's data reader
/// (<see cref="DataReaderCells"/>), or on SQLite straight from the statement (<see cref="SqliteStatementCells"/>).
/// </summary>
public interface IRowCells
{
    int FieldCount { get; }
    string GetName(int i);
    /// <summary>Steps to the next row; false after the last.</summary>
    ValueTask<bool> ReadAsync(CancellationToken ct);
    bool IsNull(int i);
    string GetString(int i);
    int GetInt32(int i);
    long GetInt64(int i);
    decimal GetDecimal(int i);
    bool GetBoolean(int i);
    DateOnly? GetDate(int i);
    DateTime GetDateTime(int i);
}

/// <summary>A provider's data reader as <see cref="IRowCells"/> (PostgreSQL, SQL Server).</summary>
public sealed class DataReaderCells(DbDataReader reader) : IRowCells
{
    public int FieldCount => reader.FieldCount;
    public string GetName(int i) => reader.GetName(i);
    public async ValueTask<bool> ReadAsync(CancellationToken ct) => await reader.ReadAsync(ct);
    public bool IsNull(int i) => reader.IsDBNull(i);
    public string GetString(int i) => reader.GetString(i);
    public int GetInt32(int i) => reader.GetInt32(i);
    public long GetInt64(int i) => reader.GetInt64(i);
    public decimal GetDecimal(int i) => reader.GetDecimal(i);
    public bool GetBoolean(int i) => reader.GetBoolean(i);
    public DateOnly? GetDate(int i) => PlainDates.Read(reader, i);
    public DateTime GetDateTime(int i) => reader.GetFieldValue<DateTime>(i);
}
