using System.Globalization;
using MvdRegistry.Core.Outcomes;

namespace MvdRegistry.Application.Counselling;

/// <summary>
/// A checked pre-operative profile. BotoxPrior and VesselVa are "yes", "no" or "unknown" for HFS and null
/// for the other indications, which they do not concern.
/// </summary>
public sealed record CounsellingProfile(string Indication, int Age, string Sex, int SymptomDurationMonths, string? BotoxPrior, string? VesselVa)
{
    public const int MinAge = 1, MaxAge = 110;

    /// <summary>The dictionary's range of symptom_duration_months.</summary>
    public const int MaxMonths = 900;

    public static readonly string[] Indications = [Codes.Hfs, Codes.Tn, Codes.Gpn];
    public static readonly string[] Sexes = [Codes.Female, Codes.Male, "U"];
    public static readonly string[] YesNoUnknown = [Codes.Yes, Codes.No, "unknown"];

    public bool IsHfs => Indication == Codes.Hfs;

    /// <summary>The profile, or one plain message per field that is missing or wrong (keyed by the input's field name).</summary>
    public static (CounsellingProfile? Profile, IReadOnlyDictionary<string, string> Errors) Check(CounsellingInput input)
    {
        var errors = new Dictionary<string, string>();
        var indication = input.Indication?.Trim();
        if (!Indications.Contains(indication))
            errors[nameof(input.Indication)] = "Indication: choose hemifacial spasm, trigeminal neuralgia or glossopharyngeal neuralgia.";
        var age = WholeNumber(input.Age, MinAge, MaxAge);
        if (age is null) errors[nameof(input.Age)] = $"Age: enter the age in whole years, from {MinAge} to {MaxAge}.";
        var sex = input.Sex?.Trim();
        if (!Sexes.Contains(sex)) errors[nameof(input.Sex)] = "Sex: choose female, male or unknown.";
        var months = WholeNumber(input.Months, 0, MaxMonths);
        if (months is null)
            errors[nameof(input.Months)] = $"Symptom duration: enter the months from the first symptoms to now, a whole number from 0 to {MaxMonths}.";

        string? botox = null, va = null;
        if (indication == Codes.Hfs)
        {
            botox = input.Botox?.Trim();
            if (!YesNoUnknown.Contains(botox)) errors[nameof(input.Botox)] = "Botulinum toxin before surgery: choose yes, no or unknown.";
            va = input.Va?.Trim();
            if (!YesNoUnknown.Contains(va)) errors[nameof(input.Va)] = "Vertebral artery on imaging: choose yes, no or unknown.";
        }

        return errors.Count > 0
            ? (null, errors)
            : (new CounsellingProfile(indication!, age!.Value, sex!, months!.Value, botox, va), errors);
    }

    private static int? WholeNumber(string? text, int min, int max) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value : null;
}
