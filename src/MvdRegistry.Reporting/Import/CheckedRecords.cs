using System.Threading.Channels;
using MvdRegistry.Core.Bundle;
using MvdRegistry.Core.Model;

namespace MvdRegistry.Reporting.Import;

/// <summary>
/// <see cref="BundleCheck"/>'s second pass run on a thread of its own, its checked records handed to the
/// writer in small chunks through a bounded channel: reading, decoding and checking the next records
/// overlaps with inserting the last ones (the two cores used together), and at most
/// <see cref="Capacity"/> chunks wait, so memory does not grow with the bundle. Once a problem is found
/// no more records are handed on (nothing will be committed); the checking goes on to the end, so every
/// problem is still listed.
/// </summary>
internal sealed class CheckedRecords : IAsyncDisposable
{
    private const int ChunkSize = 1_000;
    private const int Capacity = 2;

    private readonly Channel<RegistryRecord[]> _channel =
        Channel.CreateBounded<RegistryRecord[]>(new BoundedChannelOptions(Capacity) { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stop;
    private readonly Task _pass;

    /// <param name="write">False when nothing is to be written (a problem already found): the records are only checked.</param>
    public CheckedRecords(BundleCheck check, bool write, CancellationToken ct)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _pass = Task.Factory.StartNew(() => Run(check, write), _stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>The checked records in the second pass's order, until it ends (or a problem stops the handing on).</summary>
    public async IAsyncEnumerable<RegistryRecord> ReadAllAsync()
    {
        await foreach (var chunk in _channel.Reader.ReadAllAsync(_stop.Token))
            foreach (var record in chunk)
                yield return record;
        await _pass;
    }

    private void Run(BundleCheck check, bool write)
    {
        try
        {
            var chunk = new List<RegistryRecord>(ChunkSize);
            foreach (var record in check.Records())
            {
                write &= !check.HasProblems;
                if (!write) continue;
                chunk.Add(record);
                if (chunk.Count < ChunkSize) continue;
                Send(chunk);
            }
            if (write && chunk.Count > 0) Send(chunk);
            _channel.Writer.Complete();
        }
        catch (Exception e)
        {
            _channel.Writer.Complete(e);
            throw;
        }
    }

    private void Send(List<RegistryRecord> chunk)
    {
        var records = chunk.ToArray();
        chunk.Clear();
        if (!_channel.Writer.TryWrite(records)) _channel.Writer.WriteAsync(records, _stop.Token).AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Stops the pass if the writer gave up early, and waits for its thread.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _pass;
        }
        catch
        {
            // Its failure, if any, was the writer's to see through ReadAllAsync; here the thread is only waited for.
        }
        _stop.Dispose();
    }
}
