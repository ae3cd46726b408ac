using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Statistics.Snapshot;

namespace MvdRegistry.Application.Statistics;

/// <summary>
/// A benefit-risk stratum in words (OUTCOMES.md, Statistics item 4), the same on the statistics page and in the outcome report:
/// its name as the dictionary labels its variable, and each level as the dictionary labels its code; surgeons as
/// <see cref="SurgeonNames"/> names them.
/// </summary>
public static class StratumText
{
    /// <summary>The strata in the snapshot's order, each with its levels; surgeon levels (ordered by code in the snapshot) re-ordered by pseudonym, so the order gives nothing away.</summary>
    public static IEnumerable<IGrouping<string, StratumRow>> Groups(IEnumerable<StratumRow> strata, SurgeonNames surgeons) =>
        strata.Where(r => r.Stratum != "surgeon")
            .Concat(surgeons.Order(strata.Where(r => r.Stratum == "surgeon"), r => r.Level))
            .GroupBy(r => r.Stratum);

    public static string Name(string stratum) => stratum switch
    {
        "all" => "All HFS operations",
        "age_group" => "Age at surgery (years)",
        "symptom_duration" => "Symptom duration (months)",
        _ => VariableOf(stratum)?.Label ?? stratum,
    };

    public static string Level(StratumRow row, SurgeonNames surgeons) => row.Stratum switch
    {
        "all" => "",
        "surgeon" => surgeons.Name(row.Level),
        _ => VariableOf(row.Stratum)?.LabelOf(row.Level) ?? row.Level,
    };

    /// <summary>The dictionary variable a stratum is of; null for the whole and for the derived age and duration groups.</summary>
    private static Variable? VariableOf(string stratum) => stratum switch
    {
        "vessel_primary" or "lsr_intraop" or "redo" => DataDictionary.Instance.Get(Forms.Case, stratum),
        "sex" => DataDictionary.Instance.Get(Forms.Patient, stratum),
        "surgeon" => DataDictionary.Instance.Get(Forms.Case, "surgeon_code"),
        "site" => DataDictionary.Instance.Get(Forms.Patient, "site_code"),
        _ => null,
    };
}
