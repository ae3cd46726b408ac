using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;

namespace MvdRegistry.Application.Statistics.Snapshots;

/// <summary>
/// The values of stored snapshots, read from their JSON once per snapshot and kept between views (a
/// singleton of the web host). A view reads only the snapshot's head (<see cref="SnapshotStore.LatestHeadAsync"/>:
/// no JSON) and finds its values here; the JSON (about 420 KB at 100,000 patients) is read and parsed by the
/// first view of a snapshot only, while the others wait for it. A snapshot is never changed once stored, so
/// a new one (a new id) is read at its first view. Kept under the head's identity, not its id alone: ids start
/// again in a rebuilt database, and a snapshot stored there has another computation time and data fingerprint.
/// The shared read runs in a scope (and a DbContext) of its own, not the first view's: a first view that goes
/// away (its request aborted, its context returned) does not fail the views waiting for the same read.
/// </summary>
public sealed class SnapshotValuesCache(IServiceScopeFactory scopes)
{
    /// <summary>Past this many kept snapshots, all are dropped (and read again at their next view).</summary>
    public const int Capacity = 100;

    private readonly ConcurrentDictionary<string, Lazy<Task<SnapshotValues>>> _values = new(StringComparer.Ordinal);

    /// <summary>The identity of a stored snapshot: what the values and anything drawn from them are kept under.</summary>
    public static string KeyOf(StatisticsSnapshot head) =>
        $"{head.Id}|{head.ComputedAt.Ticks}|{head.AsOf.DayNumber}|{head.FilterKey}|{head.Fingerprint}";

    /// <summary>The values of the snapshot <paramref name="head"/> names, read from the database the first time.</summary>
    public async Task<SnapshotValues> ValuesAsync(StatisticsSnapshot head, CancellationToken ct = default)
    {
        if (_values.Count >= Capacity) _values.Clear();
        var key = KeyOf(head);
        // One read per snapshot, shared by the views that wait for it: not cancelled by the first view's token.
        var entry = _values.GetOrAdd(key, _ => new Lazy<Task<SnapshotValues>>(() => ReadAsync(head.Id)));
        try
        {
            return await entry.Value.WaitAsync(ct);
        }
        catch when (entry.Value.IsFaulted || entry.Value.IsCanceled)
        {
            _values.TryRemove(new KeyValuePair<string, Lazy<Task<SnapshotValues>>>(key, entry));
            throw;
        }
    }

    private async Task<SnapshotValues> ReadAsync(long id)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await SnapshotStore.ValuesAsync(scope.ServiceProvider.GetRequiredService<RegistryDbContext>(), id);
    }
}
