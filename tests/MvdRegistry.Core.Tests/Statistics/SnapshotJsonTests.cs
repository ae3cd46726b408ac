using MvdRegistry.Core.Statistics.Snapshot;

namespace MvdRegistry.Core.Tests.Statistics;

/// <summary>A stored snapshot is read back whole: what the page and reports show is what was computed.</summary>
public sealed class SnapshotJsonTests
{
    [Fact]
    public void A_snapshot_read_from_its_JSON_writes_the_same_JSON_again()
    {
        var json = ReferenceRegistry.Compute().ToJson();

        var read = RegistrySnapshot.FromJson(json);

        Assert.Equal(json, read.ToJson());
        Assert.True(read.Population.Operations > 0);
    }

    [Fact]
    public void An_empty_document_is_refused()
    {
        Assert.Throws<System.Text.Json.JsonException>(() => RegistrySnapshot.FromJson("null"));
    }
}
