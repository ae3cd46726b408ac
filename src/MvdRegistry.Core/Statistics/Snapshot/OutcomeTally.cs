using MvdRegistry.Core.Outcomes;

namespace MvdRegistry.Core.Statistics.Snapshot;

/// <summary>
/// Running counts of a group of operations: one pass over the operations fills a tally per group,
/// so grouping stays linear however many operations there are.
/// </summary>
public sealed class OutcomeTally
{
    public int Operations { get; private set; }
    public int Permanent { get; private set; }
    public int Successes { get; private set; }
    public int WithSuccess1y { get; private set; }

    public void Add(OperationOutcome operation)
    {
        Operations++;
        if (operation.AnyPermanent) Permanent++;
        if (operation.Success1y is not { } success) return;
        WithSuccess1y++;
        if (success) Successes++;
    }

    public Proportion Success1y => Proportion.Wilson(Successes, WithSuccess1y);

    public Proportion PermanentRate => Proportion.Wilson(Permanent, Operations);

    /// <summary>Tallies the operations by a key; operations whose key is null are left out.</summary>
    public static Dictionary<string, OutcomeTally> ByKey(IEnumerable<OperationOutcome> operations, Func<OperationOutcome, string?> key)
    {
        var tallies = new Dictionary<string, OutcomeTally>(StringComparer.Ordinal);
        foreach (var operation in operations)
            if (key(operation) is { } k) Add(tallies, k, operation);
        return tallies;
    }

    public static void Add(Dictionary<string, OutcomeTally> tallies, string key, OperationOutcome operation)
    {
        if (!tallies.TryGetValue(key, out var tally)) tallies[key] = tally = new OutcomeTally();
        tally.Add(operation);
    }
}
