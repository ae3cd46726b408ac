using System.Text.Json.Nodes;

namespace MvdRegistry.Core.Tests.Statistics;

public class ReferenceRegistryTests
{
    [Fact]
    public void The_snapshot_of_registry_small_reproduces_every_value_R_computed()
    {
        var actual = JsonNode.Parse(ReferenceRegistry.Compute().ToJson());

        var differences = JsonReferenceComparer.Compare(ReferenceRegistry.Expected(), actual);

        Assert.True(differences.Count == 0, $"{differences.Count} differences from expected.json:\n" + string.Join("\n", differences));
    }

    [Fact]
    public void The_snapshot_also_reports_completeness_as_of_the_given_date()
    {
        var json = JsonNode.Parse(ReferenceRegistry.Compute().ToJson())!;

        Assert.Equal("2026-12-31", json["completeness"]!["as_of"]!.GetValue<string>());
        // Completeness covers the analysis population: population.operations in expected.json.
        Assert.Equal(419, json["completeness"]!["all"]!["operations"]!.GetValue<int>());
    }
}
