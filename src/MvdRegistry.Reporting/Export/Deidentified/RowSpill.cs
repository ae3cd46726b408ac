using System.Runtime.CompilerServices;
using System.Text;

namespace MvdRegistry.Reporting.Export.Deidentified;

/// <summary>
/// A sheet's rows read ahead on a task of their own into a temporary file (deleted when closed), and streamed
/// back from it when the writer reaches the sheet: the analysis sheet is derived on a second connection while the
/// form sheets are written (MiniExcel's writing is the bottleneck there, and the reading task has a core's slack),
/// so the writer no longer waits for the analysis batches, and memory stays flat (a row at a time either way).
/// A row is its length, then its values, what the sheets hold (null, int, decimal or string), each a tag byte and the value:
/// they come back as they went in, of the same types.
/// An error while reading ahead is the sheet's error when the writer reaches it; disposing stops the reading
/// and waits for it.
/// </summary>
public sealed class RowSpill : IAsyncDisposable
{
    private const byte Null = 0, Int = 1, Decimal = 2, Text = 3;

    private readonly FileStream _file;
    private readonly CancellationTokenSource _stop;
    private readonly Task _reading;

    private RowSpill(IAsyncEnumerable<object?[]> rows, CancellationToken ct)
    {
        _file = new FileStream(Path.Combine(Path.GetTempPath(), $"mvd-export-{Guid.NewGuid():N}.rows"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _reading = Task.Run(() => WriteAllAsync(rows, _stop.Token), CancellationToken.None);
    }

    /// <summary>Starts reading <paramref name="rows"/> into the file, on a task of its own.</summary>
    public static RowSpill Start(IAsyncEnumerable<object?[]> rows, CancellationToken ct) => new(rows, ct);

    /// <summary>The rows, once all are read ahead (waiting for the rest if need be); enumerate once.</summary>
    public async IAsyncEnumerable<object?[]> Rows([EnumeratorCancellation] CancellationToken ct = default)
    {
        await _reading.WaitAsync(ct);
        _file.Position = 0;
        using var reader = new BinaryReader(_file, Encoding.UTF8, leaveOpen: true);
        var end = _file.Length;
        while (_file.Position < end)
        {
            var row = new object?[reader.ReadInt32()];
            for (var i = 0; i < row.Length; i++)
            {
                var tag = reader.ReadByte();
                row[i] = tag switch
                {
                    Null => null,
                    Int => (object?)reader.ReadInt32(),
                    Decimal => (object?)reader.ReadDecimal(),
                    Text => reader.ReadString(),
                    _ => throw new InvalidDataException($"a spilled row holds the unknown tag {tag}"),
                };
            }
            ct.ThrowIfCancellationRequested();
            yield return row;
        }
    }

    private async Task WriteAllAsync(IAsyncEnumerable<object?[]> rows, CancellationToken ct)
    {
        await using var writer = new BinaryWriter(_file, Encoding.UTF8, leaveOpen: true);
        await foreach (var row in rows.WithCancellation(ct))
        {
            writer.Write(row.Length);
            foreach (var value in row)
            {
                switch (value)
                {
                    case null: writer.Write(Null); break;
                    case int i: writer.Write(Int); writer.Write(i); break;
                    case decimal m: writer.Write(Decimal); writer.Write(m); break;
                    case string s: writer.Write(Text); writer.Write(s); break;
                    default: throw new InvalidOperationException($"a de-identified export holds text and numbers only, not {value.GetType().Name}");
                }
            }
        }
        writer.Flush();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reading;
        }
        catch (Exception)
        {
            // Its error was the sheet's, when the writer reached it; or the writer stopped before.
        }
        _stop.Dispose();
        await _file.DisposeAsync();
    }
}
