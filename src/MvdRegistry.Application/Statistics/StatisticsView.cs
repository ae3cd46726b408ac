using MvdRegistry.Application.Statistics.Snapshots;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Outcomes;
using MvdRegistry.Core.Statistics.Snapshot;

namespace MvdRegistry.Application.Statistics;

/// <summary>Why an operation has no one-year status: its window has not closed yet, or it closed without a visit.</summary>
public sealed record MissingOneYear(int NotYetDue, int LostToFollowUp)
{
    public static MissingOneYear Of(IEnumerable<OperationOutcome> operations, DateOnly asOf)
    {
        int notYet = 0, lost = 0;
        foreach (var o in operations)
        {
            if (o.Success1y is not null) continue;
            var windowClosed = o.Operation.SurgeryDate is { } s && asOf.DayNumber - s.DayNumber >= OneYearVisit.WindowEnd;
            if (windowClosed) lost++;
            else notYet++;
        }
        return new MissingOneYear(notYet, lost);
    }
}

/// <summary>What the statistics page shows: the snapshot of the chosen operations and how to name surgeons.</summary>
public sealed class StatisticsView
{
    /// <summary>The view of a stored snapshot computed for <paramref name="filter"/>, with its values (<see cref="SnapshotValues"/>).</summary>
    public static StatisticsView Of(StatisticsSnapshot stored, SnapshotValues values, StatisticsFilter filter, SurgeonNames surgeons)
    {
        var indications = filter.Indication is { } chosen ? [chosen] : RegistryStatistics.BenefitIndications;
        return new StatisticsView
        {
            Stored = stored,
            Snapshot = values.Statistics,
            Indications = indications,
            RiskKey = filter.Indication ?? RegistryStatistics.AllIndications,
            Missing = indications.ToDictionary(i => i, i => values.Missing.GetValueOrDefault(i, new MissingOneYear(0, 0))),
            Surgeons = surgeons,
        };
    }

    /// <summary>The stored snapshot's head: as of, computed at and by, and its data's fingerprint (its values are <see cref="Snapshot"/>).</summary>
    public required StatisticsSnapshot Stored { get; init; }

    public required RegistrySnapshot Snapshot { get; init; }

    /// <summary>The indications whose benefit is shown: the chosen one, or HFS, TN and GPN.</summary>
    public required IReadOnlyList<string> Indications { get; init; }

    /// <summary>The complication table shown: the chosen indication's, or ALL.</summary>
    public required string RiskKey { get; init; }

    public required IReadOnlyDictionary<string, MissingOneYear> Missing { get; init; }

    public required SurgeonNames Surgeons { get; init; }

    public bool HasHfs => Indications.Contains(Codes.Hfs);

    public ComplicationTable Risk => Snapshot.Complications[RiskKey];
}
