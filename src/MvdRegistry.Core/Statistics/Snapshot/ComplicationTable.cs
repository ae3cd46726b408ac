using System.Text.Json.Serialization;
using MvdRegistry.Core.Outcomes;

namespace MvdRegistry.Core.Statistics.Snapshot;

/// <summary>The risk table of one indication (or of all): "any", each complication type, major, death within 30 days.</summary>
[JsonConverter(typeof(ComplicationTableJson))]
public sealed class ComplicationTable(
    ComplicationCounts any,
    IReadOnlyDictionary<string, ComplicationCounts> byType,
    Proportion major,
    Proportion death30d)
{
    public ComplicationCounts Any => any;

    /// <summary>Every type asked for, zero counts included.</summary>
    public IReadOnlyDictionary<string, ComplicationCounts> ByType => byType;

    public Proportion Major => major;

    public Proportion Death30d => death30d;

    public static ComplicationTable Build(IReadOnlyList<OperationOutcome> operations, IEnumerable<string> types)
    {
        var byType = types.ToDictionary(t => t, _ => new Tally());
        var any = new Tally();
        foreach (var operation in operations)
        {
            if (operation.Complications.Count == 0) continue;
            any.Add(operation.Complications);
            foreach (var group in operation.Complications.GroupBy(c => c.Type ?? ""))
                if (byType.TryGetValue(group.Key, out var tally)) tally.Add(group);
        }
        var n = operations.Count;
        return new ComplicationTable(
            any.Counts(n),
            byType.ToDictionary(t => t.Key, t => t.Value.Counts(n)),
            Proportion.Wilson(operations.Count(o => o.Major), n),
            Proportion.Wilson(operations.Count(o => o.Death30d), n));
    }

    private sealed class Tally
    {
        private int _any, _transient, _permanent;

        /// <param name="rows">One operation's rows (at least one).</param>
        public void Add(IEnumerable<ClassifiedComplication> rows)
        {
            _any++;
            var classes = rows.Select(r => r.Class).ToArray();
            if (classes.Contains(ComplicationClass.Permanent)) _permanent++;
            if (classes.All(c => c == ComplicationClass.Transient)) _transient++;
        }

        public ComplicationCounts Counts(int denominator) => new(denominator, _any, _transient, _permanent);
    }
}
