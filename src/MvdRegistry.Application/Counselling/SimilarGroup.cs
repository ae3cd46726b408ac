using MvdRegistry.Core.Outcomes;
using MvdRegistry.Core.Statistics;
using MvdRegistry.Core.Statistics.Snapshot;

namespace MvdRegistry.Application.Counselling;

/// <summary>
/// One group of patients like this one (a benefit-risk stratum of OUTCOMES.md, Statistics item 4, or
/// for TN and GPN the indication as a whole): their success at one year, their permanent complications
/// (Wilson intervals) and the likelihood of being helped versus harmed. Operations is 0 and the
/// numbers null when the registry holds no operation of the group.
/// </summary>
public sealed record SimilarGroup(string Stratum, string Level, int Operations, Proportion? Success1y, Proportion? Permanent, double? Lhh)
{
    public bool IsEmpty => Operations == 0;

    /// <summary>
    /// HFS: all operations, then the profile's age group, sex, symptom duration and, with the vertebral
    /// artery on imaging, the operations where it was the main vessel. TN and GPN: the indication's
    /// operations as a whole (the strata are computed for HFS only).
    /// </summary>
    public static IReadOnlyList<SimilarGroup> For(CounsellingProfile profile, RegistrySnapshot snapshot)
    {
        if (!profile.IsHfs)
        {
            snapshot.Benefit.TryGetValue(profile.Indication, out var benefit);
            snapshot.Complications.TryGetValue(profile.Indication, out var risk);
            var success = benefit?.Success1y;
            var permanent = risk?.Any.Permanent;
            double? lhh = permanent is { X: > 0, P: { } harmed } && success?.P is { } helped ? helped / harmed : null;
            return [new SimilarGroup("indication", profile.Indication, benefit?.Operations ?? 0, success, permanent, lhh)];
        }

        var wanted = new List<(string Stratum, string? Level)>
        {
            ("all", "all"),
            ("age_group", StrataSection.AgeGroup(profile.Age)),
            ("sex", profile.Sex),
            ("symptom_duration", StrataSection.SymptomDuration(profile.SymptomDurationMonths)),
        };
        if (profile.VesselVa == Codes.Yes) wanted.Add(("vessel_primary", Codes.VertebralArtery));
        return wanted.Select(w => snapshot.Strata.FirstOrDefault(r => r.Stratum == w.Stratum && r.Level == w.Level) is { } row
                ? new SimilarGroup(row.Stratum, row.Level, row.Operations, row.Success1y, row.Permanent, row.Lhh)
                : new SimilarGroup(w.Stratum, w.Level ?? "", 0, null, null, null))
            .ToList();
    }
}
