using MvdRegistry.Reporting.Export.Deidentified;

namespace MvdRegistry.Reporting.Tests.Exports;

/// <summary>The operations as the repeating forms' rows find them: whether the export keeps each, and its surgery date.</summary>
public sealed class OperationIndexTests
{
    private static readonly DateOnly Surgery = new(2021, 5, 10);

    private static OperationIndex Index()
    {
        var index = new OperationIndex();
        Assert.True(index.Add("C1", kept: true, Surgery));
        Assert.False(index.Add("C2", kept: false, Surgery.AddDays(1)));
        Assert.True(index.Add("C3", kept: true, null));
        Assert.True(index.Add("C4", kept: true, Surgery.AddDays(3)));
        return index;
    }

    [Fact]
    public void Each_row_finds_its_operation_walking_forward_past_operations_without_rows()
    {
        using var index = Index();
        var walk = index.Start("followups");
        Assert.Equal((true, Surgery), walk.Find("C1"));
        Assert.Equal((true, Surgery), walk.Find("C1"));
        Assert.Equal((false, Surgery.AddDays(1)), walk.Find("C2"));
        Assert.Equal((true, Surgery.AddDays(3)), walk.Find("C4"));
        // Each repeating form walks from the first operation again.
        var again = index.Start("imaging");
        Assert.Equal((true, (DateOnly?)null), again.Find("C3"));
    }

    [Fact]
    public void A_row_out_of_the_operations_order_stops_the_export()
    {
        using var index = Index();
        var walk = index.Start("complications");
        Assert.Equal((true, Surgery.AddDays(3)), walk.Find("C4"));
        var error = Assert.Throws<InvalidOperationException>(() => walk.Find("C1"));
        Assert.Contains("complications sheet's rows did not come grouped by operation", error.Message);
        Assert.Throws<InvalidOperationException>(() => index.Start("imaging").Find("C9"));
    }

    [Fact]
    public void Keys_are_told_apart_by_their_exact_text()
    {
        using var index = new OperationIndex();
        index.Add("c1", kept: false, Surgery);
        index.Add("C1", kept: true, Surgery);
        Assert.Equal((true, Surgery), index.Start("imaging").Find("C1"));
    }

    [Fact]
    public void An_index_of_no_operations_finds_none()
    {
        using var index = new OperationIndex();
        Assert.Throws<InvalidOperationException>(() => index.Start("followups").Find("C1"));
    }
}
