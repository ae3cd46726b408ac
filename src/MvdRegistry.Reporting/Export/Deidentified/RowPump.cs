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
    public IAsyncEnumerable<object?[]> Rows(int index, CancellationToken ct = default) => new SheetRows(_channels[index].Reader, ct);

    /// <summary>
    /// A sheet's rows taken from its channel a batch at a time: the writer's step to the next row is an array read,
    /// not an async iterator's (the writer is the slower side of an xlsx export, and takes a million rows).
    /// </summary>
    private sealed class SheetRows(ChannelReader<object?[][]> channel, CancellationToken ct) : IAsyncEnumerable<object?[]>
    {
        public IAsyncEnumerator<object?[]> GetAsyncEnumerator(CancellationToken other = default) => new Enumerator(channel, ct, other);

        private sealed class Enumerator : IAsyncEnumerator<object?[]>
        {
            private readonly ChannelReader<object?[][]> _channel;
            private readonly CancellationTokenSource? _linked;
            private readonly CancellationToken _ct;
            private object?[][] _batch = [];
            private int _next;

            public Enumerator(ChannelReader<object?[][]> channel, CancellationToken ct, CancellationToken other)
            {
                _channel = channel;
                if (ct.CanBeCanceled && other.CanBeCanceled && ct != other)
                {
                    _linked = CancellationTokenSource.CreateLinkedTokenSource(ct, other);
                    _ct = _linked.Token;
                }
                else _ct = ct.CanBeCanceled ? ct : other;
            }

            public object?[] Current { get; private set; } = [];

            public ValueTask<bool> MoveNextAsync()
            {
                if (_next >= _batch.Length) return NextBatchAsync();
                Current = _batch[_next++];
                return new ValueTask<bool>(true);
            }

            /// <summary>The next batch's first row; false when the sheet is done, its reading's error when it failed.</summary>
            private async ValueTask<bool> NextBatchAsync()
            {
                while (true)
                {
                    _ct.ThrowIfCancellationRequested();
                    if (_channel.TryRead(out var batch) && batch.Length > 0)
                    {
                        (_batch, _next) = (batch, 1);
                        Current = batch[0];
                        return true;
                    }
                    if (!await _channel.WaitToReadAsync(_ct)) return false;
                }
            }

            public ValueTask DisposeAsync()
            {
                _linked?.Dispose();
                return ValueTask.CompletedTask;
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
