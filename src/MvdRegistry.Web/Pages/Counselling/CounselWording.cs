using System.Globalization;
using MvdRegistry.Application.Counselling;
using MvdRegistry.Core.Statistics;

namespace MvdRegistry.Web.Pages.Counselling;

/// <summary>
/// The counselling view's plain words: a probability as "about N of 100", its interval as "N to M", and
/// the name of a group of similar patients. Percentages and intervals in tables are the statistics
/// page's (<see cref="Statistics.StatFormat"/>).
/// </summary>
public static class CounselWording
{
    /// <summary>A probability as patients of 100: "about 97 of 100"; "more than 99 of 100" and "fewer than 1 of 100" at the ends, never 0 or 100.</summary>
    public static string Share(double p) => p switch
    {
        < 0.005 => "fewer than 1 of 100",
        >= 0.995 => "more than 99 of 100",
        _ => $"about {Hundredths(p)} of 100",
    };

    /// <summary>The interval in patients of 100: "90 to 99", "under 1 to 40", "87 to over 99".</summary>
    public static string Range(LogisticPrediction prediction) =>
        $"{(prediction.Lower < 0.005 ? "under 1" : Hundredths(prediction.Lower))} to {(prediction.Upper >= 0.995 ? "over 99" : Hundredths(prediction.Upper))}";

    private static string Hundredths(double p) => Math.Round(100 * p, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture);

    /// <summary>The same text beginning a sentence.</summary>
    public static string Sentence(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>How few patients the model rests on, in words: the rarer outcome named.</summary>
    public static string Rarer(Core.Statistics.Snapshot.LogisticSection model) => model.N - model.Events <= model.Events
        ? $"only {model.N - model.Events} of them without success at one year"
        : $"only {model.Events} of them with success at one year";

    public static string IndicationName(string indication) => indication switch
    {
        "HFS" => "hemifacial spasm",
        "TN" => "trigeminal neuralgia",
        "GPN" => "glossopharyngeal neuralgia",
        _ => indication,
    };

    /// <summary>What counts as success at one year (OUTCOMES.md), in the words of a consultation.</summary>
    public static string Success(string indication) => indication == "HFS"
        ? "free or nearly free of spasm one year after surgery"
        : "free of pain or with the pain controlled (BNI I to IIIb) one year after surgery";

    public static string GroupName(SimilarGroup group) => group.Stratum switch
    {
        "all" => "All hemifacial spasm operations",
        "indication" => $"All {IndicationName(group.Level)} operations",
        "age_group" => group.Level switch { "<40" => "Aged under 40", "70+" => "Aged 70 or over", var l => $"Aged {l}" },
        "sex" => group.Level switch { "F" => "Women", "M" => "Men", _ => "Sex unknown or other" },
        "symptom_duration" => group.Level switch
        {
            "<24" => "Symptoms for less than 24 months",
            "24-59" => "Symptoms for 24 to 59 months",
            _ => "Symptoms for 60 months or more",
        },
        "vessel_primary" => "Vertebral artery the main vessel at surgery",
        _ => $"{group.Stratum} {group.Level}",
    };

    /// <summary>The likelihood of being helped versus harmed, in words.</summary>
    public static string Lhh(SimilarGroup group) => group switch
    {
        { Lhh: { } lhh } => $"{Statistics.StatFormat.Decimal(lhh, 1)} helped for each one harmed",
        { Permanent.X: 0, Permanent.N: > 0 } => "nobody harmed permanently",
        _ => "–",
    };
}
