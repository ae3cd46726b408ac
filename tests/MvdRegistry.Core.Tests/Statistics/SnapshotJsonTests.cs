using System.Text.Json;
using System.Text.Json.Nodes;
using MvdRegistry.Core.Statistics.Snapshot;
using MvdRegistry.Core.Tests.Outcomes;

namespace MvdRegistry.Core.Tests.Statistics;

/// <summary>A stored snapshot (JSON) read back is the snapshot that was stored.</summary>
public class SnapshotJsonTests
{
    [Fact]
    public void The_reference_registry_snapshot_read_back_from_its_json_writes_the_same_json()
    {
        var json = ReferenceRegistry.Compute().ToJson();

        var read = RegistrySnapshot.FromJson(json);

        Assert.Equal(json, read.ToJson());
        Assert.Equal(419, read.Population.Operations);
        Assert.Equal(ReferenceRegistry.Compute().Complications["ALL"].ByType.Keys, read.Complications["ALL"].ByType.Keys);
    }

    [Fact]
    public void A_snapshot_without_estimates_reads_back_with_its_nulls()
    {
        // One HFS operation: no logistic fit, no median, an empty funnel of one.
        var json = RegistryStatistics.Compute([OperationBuilder.Hfs().Visit(365, "resolved").Patient], new DateOnly(2024, 1, 1)).ToJson();

        var read = RegistrySnapshot.FromJson(json);

        Assert.Equal(json, read.ToJson());
        Assert.Null(read.Logistic.Terms);
        Assert.Null(read.KaplanMeier.RecurrenceFree.Median);
    }

    [Fact]
    public void Text_that_is_not_a_snapshot_is_refused()
    {
        Assert.Equal("the statistics snapshot is empty", Assert.Throws<JsonException>(() => RegistrySnapshot.FromJson("null")).Message);
        Assert.ThrowsAny<JsonException>(() => RegistrySnapshot.FromJson("{\"population\": 3}"));
    }

    [Theory]
    [InlineData("any")]
    [InlineData("major")]
    [InlineData("death_30d")]
    public void A_stored_complication_table_without_one_of_its_totals_is_refused_by_name(string total)
    {
        var json = JsonNode.Parse(ReferenceRegistry.Compute().ToJson())!;
        json["complications"]!["ALL"]!.AsObject().Remove(total);

        var error = Assert.Throws<JsonException>(() => RegistrySnapshot.FromJson(json.ToJsonString()));

        Assert.Equal($"a complication table has no '{total}'", error.Message);
    }
}
