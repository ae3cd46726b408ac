using MvdRegistry.Core.Model;
using MvdRegistry.Core.Outcomes;

namespace MvdRegistry.Core.Statistics.Snapshot;

/// <summary>The statistics snapshot: derives every operation's outcomes once, then builds each section from them.</summary>
public static class RegistryStatistics
{
    public static readonly string[] BenefitIndications = [Codes.Hfs, Codes.Tn, Codes.Gpn];
    public const string AllIndications = "ALL";

    /// <param name="asOf">The date completeness is judged against (today, unless a report asks for another).</param>
    public static RegistrySnapshot Compute(IEnumerable<Patient> patients, DateOnly asOf)
    {
        var (analysed, excludedWithdrawn) = AnalysisPopulation(patients);
        return Compute(analysed, excludedWithdrawn, asOf);
    }

    /// <summary>
    /// The outcomes of every operation of the patients who did not withdraw consent, and how many
    /// operations the withdrawals left out.
    /// </summary>
    public static (List<OperationOutcome> Analysed, int ExcludedWithdrawn) AnalysisPopulation(IEnumerable<Patient> patients)
    {
        var analysed = new List<OperationOutcome>();
        var excludedWithdrawn = 0;
        foreach (var patient in patients)
        {
            if (patient.ConsentStatus == Codes.Withdrawn)
            {
                excludedWithdrawn += patient.Operations.Count;
                continue;
            }
            foreach (var operation in patient.Operations) analysed.Add(OutcomeDerivation.Derive(operation));
        }
        return (analysed, excludedWithdrawn);
    }

    /// <param name="analysed">Outcomes of the analysis population only.</param>
    public static RegistrySnapshot Compute(IReadOnlyList<OperationOutcome> analysed, int excludedWithdrawn, DateOnly asOf)
    {
        var byIndication = BenefitIndications.ToDictionary(i => i, i => (IReadOnlyList<OperationOutcome>)analysed.Where(o => o.Indication == i).ToArray());
        var hfs = byIndication[Codes.Hfs];
        // Types met in the analysis population; withdrawn patients' rows are left out of everything.
        var types = analysed.SelectMany(o => o.Complications).Select(c => c.Type).OfType<string>()
            .Distinct().Order(StringComparer.Ordinal).ToArray();

        var complications = new Dictionary<string, ComplicationTable> { [AllIndications] = ComplicationTable.Build(analysed, types) };
        foreach (var (indication, operations) in byIndication) complications[indication] = ComplicationTable.Build(operations, types);

        return new RegistrySnapshot
        {
            Population = PopulationSection.Build(analysed, excludedWithdrawn),
            Benefit = byIndication.ToDictionary(p => p.Key, p => BenefitTable.Build(p.Key, p.Value)),
            Complications = complications,
            KaplanMeier = SurvivalSection.Build(hfs),
            LogrankLsr = LogRankSection.Build(hfs),
            Logistic = LogisticSection.Build(hfs),
            Strata = StrataSection.Build(hfs),
            Funnel = FunnelSection.Build(analysed),
            Completeness = CompletenessSection.Build(analysed, asOf),
        };
    }
}
