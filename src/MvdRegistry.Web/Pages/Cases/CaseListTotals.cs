using System.Collections.Concurrent;

namespace MvdRegistry.Web.Pages.Cases;

/// <summary>What the case list derives over all of a user's operations: the surgeon choices and the list's total.</summary>
public sealed record CaseListTotal(IReadOnlyList<string> Surgeons, int Total);

/// <summary>
/// The case list's totals kept between requests (a singleton), each under the change stamp it was
/// derived at (<see cref="Application.Changes.ChangeStamp"/>, and for the overdue filter the stored
/// lists' times): a request whose stamp is the same reads the total instead of counting the sites'
/// operations again. Keyed by the granted sites and the filter, never by user: two users with the same
/// sites see the same operations. Without a stamp (SQL Server) nothing is kept.
/// </summary>
public sealed class CaseListTotals
{
    /// <summary>Past this many kept totals, all are dropped (and derived again on their next request).</summary>
    public const int Capacity = 2000;

    private readonly ConcurrentDictionary<string, (string Stamp, CaseListTotal Total)> _kept = new(StringComparer.Ordinal);

    public async Task<CaseListTotal> GetAsync(string key, string? stamp, Func<Task<CaseListTotal>> derive)
    {
        if (stamp is null) return await derive();
        if (_kept.TryGetValue(key, out var kept) && kept.Stamp == stamp) return kept.Total;
        var total = await derive();
        if (_kept.Count >= Capacity) _kept.Clear();
        _kept[key] = (stamp, total);
        return total;
    }
}
