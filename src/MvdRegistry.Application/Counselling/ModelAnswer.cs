using MvdRegistry.Core.Outcomes;
using MvdRegistry.Core.Statistics;
using MvdRegistry.Core.Statistics.Snapshot;

namespace MvdRegistry.Application.Counselling;

/// <summary>What the snapshot's logistic model (OUTCOMES.md, Statistics item 7) can say about a profile.</summary>
public enum ModelVerdict
{
    /// <summary>Both LSR scenarios are predicted.</summary>
    Predicted,
    /// <summary>The model covers hemifacial spasm only.</summary>
    OtherIndication,
    /// <summary>The model has no value for the profile: sex unknown, or prior botulinum toxin or the vertebral artery unknown.</summary>
    ProfileIncomplete,
    /// <summary>The model could not be fitted (Status says why): no prediction.</summary>
    NotFitted,
    /// <summary>The snapshot was stored before the model kept its covariance: the statistics must be computed again.</summary>
    MustRecompute,
}

/// <summary>
/// The model's answer for one profile: the probability of success at one year if the lateral spread
/// response disappears during the operation and if it persists, each with its 95% interval; the
/// model's size and its warnings (events per variable below 10, a profile outside the data it was fitted on).
/// </summary>
public sealed record ModelAnswer(
    ModelVerdict Verdict,
    LogisticPrediction? LsrDisappeared,
    LogisticPrediction? LsrPersisted,
    LogisticSection Section,
    IReadOnlyList<string> OutsideData)
{
    public bool Unreliable => Section.LowEventsPerVariable;

    public static ModelAnswer For(CounsellingProfile profile, LogisticSection model)
    {
        ModelAnswer None(ModelVerdict verdict) => new(verdict, null, null, model, []);
        if (!profile.IsHfs) return None(ModelVerdict.OtherIndication);
        if (model.Status != LogisticStatus.Converged || model.Terms is null) return None(ModelVerdict.NotFitted);
        if (model.Covariance is null) return None(ModelVerdict.MustRecompute);
        if (profile.Sex is not (Codes.Male or Codes.Female) || profile.BotoxPrior is not (Codes.Yes or Codes.No) || profile.VesselVa is not (Codes.Yes or Codes.No))
            return None(ModelVerdict.ProfileIncomplete);

        var b = model.Terms.Select(t => t.Estimate).ToArray();
        LogisticPrediction At(bool lsr) => LogisticPrediction.At(
            LogisticSection.Row(profile.Age, profile.Sex == Codes.Male, profile.SymptomDurationMonths, lsr, profile.VesselVa == Codes.Yes, profile.BotoxPrior == Codes.Yes),
            b, model.Covariance);
        return new ModelAnswer(ModelVerdict.Predicted, At(true), At(false), model, OutsideOf(profile, model.DataRange));
    }

    private static List<string> OutsideOf(CounsellingProfile profile, LogisticDataRange? range)
    {
        var outside = new List<string>();
        if (range is null) return outside;
        if (profile.Age < range.AgeMin || profile.Age > range.AgeMax)
            outside.Add($"an age of {profile.Age}, while the patients it was fitted on were {range.AgeMin} to {range.AgeMax} years old");
        if (profile.SymptomDurationMonths < range.DurationMonthsMin || profile.SymptomDurationMonths > range.DurationMonthsMax)
            outside.Add($"symptoms for {profile.SymptomDurationMonths} months, while theirs had lasted {range.DurationMonthsMin} to {range.DurationMonthsMax} months");
        return outside;
    }
}
