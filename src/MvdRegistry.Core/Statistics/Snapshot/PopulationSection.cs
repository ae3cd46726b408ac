using MvdRegistry.Core.Outcomes;

namespace MvdRegistry.Core.Statistics.Snapshot;

/// <param name="Operations">Operations analysed (their patient has not withdrawn consent).</param>
/// <param name="ExcludedWithdrawn">Operations left out because their patient withdrew consent.</param>
public sealed record PopulationSection(int Operations, int ExcludedWithdrawn, IReadOnlyDictionary<string, int> ByIndication)
{
    public static PopulationSection Build(IReadOnlyList<OperationOutcome> analysed, int excludedWithdrawn)
    {
        var byIndication = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var operation in analysed)
        {
            var indication = operation.Indication ?? "";
            byIndication[indication] = byIndication.GetValueOrDefault(indication) + 1;
        }
        return new PopulationSection(analysed.Count, excludedWithdrawn, byIndication);
    }
}
