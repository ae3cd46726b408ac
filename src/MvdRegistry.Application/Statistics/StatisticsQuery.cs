using MvdRegistry.Core.Outcomes;
using MvdRegistry.Core.Statistics.Snapshot;
using MvdRegistry.Data;

namespace MvdRegistry.Application.Statistics;

/// <summary>Loads the chosen operations (statistics columns only) and computes the registry's snapshot over them.</summary>
public static class StatisticsQuery
{
    public static async Task<StatisticsView> RunAsync(RegistryDbContext db, StatisticsFilter filter, SurgeonNames surgeons, DateOnly asOf, CancellationToken ct)
    {
        var data = await StatisticsLoader.LoadAsync(db, filter, ct);

        // The analysis population as RegistryStatistics.Compute(patients) builds it; the outcomes are
        // kept here because the page also splits the missing one-year statuses.
        var analysed = new List<OperationOutcome>();
        var excludedWithdrawn = 0;
        foreach (var patient in data.Patients)
        {
            if (patient.ConsentStatus == Codes.Withdrawn) excludedWithdrawn += patient.Operations.Count;
            else analysed.AddRange(patient.Operations.Select(OutcomeDerivation.Derive));
        }
        var snapshot = RegistryStatistics.Compute(analysed, excludedWithdrawn, asOf);

        var indications = filter.Indication is { } chosen ? [chosen] : RegistryStatistics.BenefitIndications;
        return new StatisticsView
        {
            Snapshot = snapshot,
            Indications = indications,
            RiskKey = filter.Indication ?? RegistryStatistics.AllIndications,
            Missing = indications.ToDictionary(i => i, i => MissingOneYear.Of(analysed.Where(o => o.Indication == i), asOf)),
            Surgeons = surgeons,
        };
    }
}
