using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace MvdRegistry.Reporting.Export.Deidentified;

/// <summary>
/// Reads and derives the sheets' rows on a task of its own while the writer writes them: the database
/// read and the de-identification of one stretch of rows overlap the writing (xml and deflate, or CSV) of
/// the one before, on the machine's second core. The sheets are read one after another, in the order the
/// writer takes them, through a small bounded buffer per sheet (a few batches of rows): memory does not
/// grow with the registry, and the reader waits whenever the writer is behind. Only the pump's task
/// touches the database (the sheets' row sources) until it is disposed.
/// An error while reading ends the sheet being read, and every later one, with that error for the writer;
/// disposing the pump (after the writer finished, failed or was cancelled) stops the reading and waits for it.
/// </summary>
public sealed class RowPump : IAsyncDisposable
{
    public const int BatchRows = 128;
    public const int BufferedBatches = 2;

    private readonly Channel<object?[][]>[] _channels;
    private readonly CancellationTokenSource _stop;
    private readonly Task _reading;

    private RowPump(IReadOnlyList<IAsyncEnumerable<object?[]>> sources, CancellationToken ct)
    {
        _channels = sources.Select(_ => Channel.CreateBounded<object?[][]>(new BoundedChannelOptions(BufferedBatches)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        })).ToArray();
        _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _reading = Task.Run(() => ReadAllAsync(sources, _stop.Token), CancellationToken.None);
    }

    /// <summary>Starts reading <paramref name="sources"/>, one after another.</summary>
    public static RowPump Start(IReadOnlyList<IAsyncEnumerable<object?[]>> sources, CancellationToken ct) => new(sources, ct);

    /// <summary>The rows of source <paramref name="index"/>, as they arrive; enumerate each once, in order.</summary>
    public async IAsyncEnumerable<object?[]> Rows(int index, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var reader = _channels[index].Reader;
        while (await reader.WaitToReadAsync(ct))
        {
            while (reader.TryRead(out var batch))
            {
                foreach (var row in batch) yield return row;
            }
        }
    }

    private async Task ReadAllAsync(IReadOnlyList<IAsyncEnumerable<object?[]>> sources, CancellationToken ct)
    {
        var current = 0;
        try
        {
            for (; current < sources.Count; current++)
            {
                var writer = _channels[current].Writer;
                var batch = new List<object?[]>(BatchRows);
                await foreach (var row in sources[current].WithCancellation(ct))
                {
                    batch.Add(row);
                    if (batch.Count < BatchRows) continue;
                    await writer.WriteAsync([.. batch], ct);
                    batch.Clear();
                }
                if (batch.Count > 0) await writer.WriteAsync([.. batch], ct);
                writer.Complete();
            }
        }
        catch (Exception e)
        {
            for (var i = current; i < _channels.Length; i++) _channels[i].Writer.TryComplete(e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reading;
        _stop.Dispose();
    }
}
