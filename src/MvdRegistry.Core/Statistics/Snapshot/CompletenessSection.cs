using MvdRegistry.Core.Outcomes;

namespace MvdRegistry.Core.Statistics.Snapshot;

/// <summary>
/// Data completeness as of a date: the one-year capture rate (operations old enough to have passed
/// the one-year window that have a visit in it) and the overdue follow-ups, overall and per site.
/// Only counts: the overdue operations themselves are listed by <see cref="FollowUpSchedule"/>
/// for those allowed to see them.
/// </summary>
public sealed record CompletenessSection(
    DateOnly AsOf,
    CompletenessRow All,
    IReadOnlyList<CompletenessRow> Sites)
{
    public static CompletenessSection Build(IReadOnlyList<OperationOutcome> analysed, DateOnly asOf)
    {
        var all = new Tally();
        var bySite = new Dictionary<string, Tally>(StringComparer.Ordinal);
        foreach (var operation in analysed)
        {
            var eligible = operation.Operation.SurgeryDate is { } s && asOf.DayNumber - s.DayNumber >= OneYearVisit.WindowEnd;
            var captured = eligible && operation.HasOneYearVisit;
            var overdue = FollowUpSchedule.Overdue(operation, asOf) is not null;
            all.Add(eligible, captured, overdue);
            if (operation.Patient?.SiteCode is not { } site) continue;
            if (!bySite.TryGetValue(site, out var tally)) bySite[site] = tally = new Tally();
            tally.Add(eligible, captured, overdue);
        }
        return new CompletenessSection(
            asOf,
            all.Row("all"),
            bySite.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Value.Row(t.Key)).ToArray());
    }

    private sealed class Tally
    {
        private int _operations, _eligible, _captured, _overdue;

        public void Add(bool eligible, bool captured, bool overdue)
        {
            _operations++;
            if (eligible) _eligible++;
            if (captured) _captured++;
            if (overdue) _overdue++;
        }

        public CompletenessRow Row(string site) => new(site, _operations, Proportion.Wilson(_captured, _eligible), _overdue);
    }
}

/// <param name="OneYearCapture">Operations with a visit in the one-year window over those operated at least 540 days before as-of.</param>
/// <param name="Overdue">Operations whose next visit is more than 30 days past its target.</param>
public sealed record CompletenessRow(string Site, int Operations, Proportion OneYearCapture, int Overdue);
