using System.Runtime.ExceptionServices;

namespace MvdRegistry.Reporting.Export.Deidentified;

/// <summary>
/// Reads and derives the sheets' rows on a thread of its own while the writer writes them on another: the
/// database read and the de-identification of one stretch of rows overlap the writing (xml and deflate, or
/// CSV) of the one before, on the machine's second core. The sheets are read one after another, in the order
/// the writer takes them, through a small bounded buffer per sheet (a few batches of rows): memory does not
/// grow with the registry, and the reader waits whenever the writer is behind.
/// Both sides are plain threads that block on the buffer (no task, no thread-pool hop per batch): handing the
/// batches over through channels and async iterators woke a thread-pool worker per batch on each side, and
/// the workers' spinning took a quarter of the export's CPU (sampled profile, 10,000 patients).
/// Only the pump's thread touches the database (the sheets' row sources) until it is disposed.
/// An error while reading ends the sheet being read, and every later one, with that error for the writer;
/// disposing the pump (after the writer finished, failed or was cancelled) stops the reading and waits for it.
/// </summary>
public sealed class RowPump : IDisposable
{
    public const int BatchRows = 128;
    public const int BufferedBatches = 2;

    private readonly HandOff[] _buffers;
    private readonly Exception?[] _errors;
    private readonly CancellationTokenSource _stop;
    private readonly Thread _reading;

    private RowPump(IReadOnlyList<IEnumerable<object?[]>> sources, CancellationToken ct)
    {
        _buffers = sources.Select(_ => new HandOff(BufferedBatches)).ToArray();
        _errors = new Exception?[sources.Count];
        _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _reading = new Thread(() => ReadAll(sources, _stop.Token)) { IsBackground = true, Name = "export rows" };
        _reading.Start();
    }

    /// <summary>Starts reading <paramref name="sources"/>, one after another.</summary>
    public static RowPump Start(IReadOnlyList<IEnumerable<object?[]>> sources, CancellationToken ct) => new(sources, ct);

    /// <summary>The rows of source <paramref name="index"/>, as they arrive (blocking until they do); enumerate each once, in order.</summary>
    public IEnumerable<object?[]> Rows(int index, CancellationToken ct = default)
    {
        foreach (var batch in _buffers[index].Take(ct))
        {
            foreach (var row in batch) yield return row;
        }
        if (Volatile.Read(ref _errors[index]) is { } error) ExceptionDispatchInfo.Capture(error).Throw();
    }

    private void ReadAll(IReadOnlyList<IEnumerable<object?[]>> sources, CancellationToken ct)
    {
        var current = 0;
        try
        {
            for (; current < sources.Count; current++)
            {
                var buffer = _buffers[current];
                var batch = new List<object?[]>(BatchRows);
                foreach (var row in sources[current])
                {
                    batch.Add(row);
                    if (batch.Count < BatchRows) continue;
                    buffer.Add([.. batch], ct);
                    batch.Clear();
                }
                if (batch.Count > 0) buffer.Add([.. batch], ct);
                buffer.CompleteAdding();
            }
        }
        catch (Exception e)
        {
            for (var i = current; i < _buffers.Length; i++)
            {
                Volatile.Write(ref _errors[i], e);
                _buffers[i].CompleteAdding();
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _reading.Join();
        _stop.Dispose();
    }

    /// <summary>
    /// A bounded queue of batches between the two threads, on a lock: a side that must wait sleeps at once and is
    /// woken by the other (no spinning: a semaphore's spin-wait burnt a second of CPU per 10,000 patients).
    /// </summary>
    private sealed class HandOff(int capacity)
    {
        private readonly Queue<object?[][]> _batches = new(capacity);
        private bool _complete;

        public void Add(object?[][] batch, CancellationToken ct)
        {
            using var wake = ct.Register(Wake);
            lock (_batches)
            {
                while (_batches.Count >= capacity)
                {
                    ct.ThrowIfCancellationRequested();
                    Monitor.Wait(_batches);
                }
                _batches.Enqueue(batch);
                Monitor.PulseAll(_batches);
            }
        }

        public void CompleteAdding()
        {
            lock (_batches)
            {
                _complete = true;
                Monitor.PulseAll(_batches);
            }
        }

        public IEnumerable<object?[][]> Take(CancellationToken ct)
        {
            using var wake = ct.Register(Wake);
            while (true)
            {
                object?[][] batch;
                lock (_batches)
                {
                    while (_batches.Count == 0 && !_complete)
                    {
                        ct.ThrowIfCancellationRequested();
                        Monitor.Wait(_batches);
                    }
                    if (!_batches.TryDequeue(out batch!)) yield break;
                    Monitor.PulseAll(_batches);
                }
                yield return batch;
            }
        }

        private void Wake()
        {
            lock (_batches) Monitor.PulseAll(_batches);
        }
    }
}
