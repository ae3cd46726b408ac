using MvdRegistry.Core.Outcomes;

namespace MvdRegistry.Core.Statistics.Snapshot;

/// <summary>Benefit-risk of HFS operations per stratum (OUTCOMES.md, Statistics item 4).</summary>
public static class StrataSection
{
    private sealed record Stratum(string Name, Func<OperationOutcome, string?> Level, string[]? Order = null);

    private static readonly Stratum[] Strata =
    [
        new("all", _ => "all"),
        new("vessel_primary", o => o.Operation.VesselPrimary),
        new("lsr_intraop", o => o.Operation.LsrIntraop),
        new("age_group", o => AgeGroup(o.AgeAtSurgery), ["<40", "40-59", "60-69", "70+"]),
        new("sex", o => o.Patient?.Sex),
        new("symptom_duration", o => SymptomDuration(o.Operation.SymptomDurationMonths), ["<24", "24-59", "60+"]),
        new("redo", o => o.Operation.Redo),
        new("surgeon", o => o.Operation.SurgeonCode),
        new("site", o => o.Patient?.SiteCode),
    ];

    /// <param name="hfs">The analysed HFS operations.</param>
    public static IReadOnlyList<StratumRow> Build(IReadOnlyList<OperationOutcome> hfs)
    {
        // One pass over the operations for all strata: each operation's rows are read once.
        var tallies = Strata.Select(_ => new Dictionary<string, OutcomeTally>(StringComparer.Ordinal)).ToArray();
        foreach (var operation in hfs)
            for (var s = 0; s < Strata.Length; s++)
                if (Strata[s].Level(operation) is { } level) OutcomeTally.Add(tallies[s], level, operation);

        var rows = new List<StratumRow>();
        for (var s = 0; s < Strata.Length; s++)
        {
            var stratum = Strata[s];
            var levels = tallies[s]
                .OrderBy(l => stratum.Order is { } order ? Array.IndexOf(order, l.Key) : 0)
                .ThenBy(l => l.Key, StringComparer.Ordinal);
            foreach (var (level, tally) in levels) rows.Add(Row(stratum.Name, level, tally));
        }
        return rows;
    }

    private static StratumRow Row(string stratum, string level, OutcomeTally tally)
    {
        var success = tally.Success1y;
        var permanent = tally.PermanentRate;
        double? lhh = permanent.X > 0 && success.P is { } helped ? helped / permanent.P : null;
        return new StratumRow(stratum, level, tally.Operations, success, permanent, lhh);
    }

    public static string? AgeGroup(int? age) => age switch
    {
        null => null,
        < 40 => "<40",
        < 60 => "40-59",
        < 70 => "60-69",
        _ => "70+",
    };

    public static string? SymptomDuration(int? months) => months switch
    {
        null => null,
        < 24 => "<24",
        < 60 => "24-59",
        _ => "60+",
    };
}
