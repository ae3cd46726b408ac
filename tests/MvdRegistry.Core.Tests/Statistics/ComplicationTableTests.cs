using MvdRegistry.Core.Statistics.Snapshot;
using MvdRegistry.Core.Tests.Outcomes;

namespace MvdRegistry.Core.Tests.Statistics;

public class ComplicationTableTests
{
    [Fact]
    public void Two_facial_palsies_in_one_operation_count_once()
    {
        var outcome = OperationBuilder.Hfs().Complication("facial_palsy", "yes").Complication("facial_palsy", "yes").Visit(400).Derive();

        var table = ComplicationTable.Build([outcome], ["facial_palsy"]);

        Assert.Equal(new ComplicationCounts(1, 1, 1, 0), table.ByType["facial_palsy"]);
        Assert.Equal(new ComplicationCounts(1, 1, 1, 0), table.Any);
    }

    [Fact]
    public void An_operation_is_transient_only_when_every_row_of_the_type_resolved()
    {
        var mixed = OperationBuilder.Hfs().Complication("hearing_loss", "yes").Complication("hearing_loss", "unknown").Visit(400).Derive();
        var permanent = OperationBuilder.Hfs().Complication("hearing_loss", "yes").Complication("hearing_loss", "no").Visit(400).Derive();

        var table = ComplicationTable.Build([mixed, permanent], ["hearing_loss"]);

        Assert.Equal(new ComplicationCounts(2, 2, 0, 1), table.ByType["hearing_loss"]);
    }

    [Fact]
    public void Types_asked_for_appear_with_zero_counts_and_every_operation_is_in_the_denominator()
    {
        var outcomes = new[] { OperationBuilder.Hfs().Derive(), OperationBuilder.Hfs().Complication("vertigo", "yes").Derive() };

        var table = ComplicationTable.Build(outcomes, ["vertigo", "meningitis"]);

        Assert.Equal(new ComplicationCounts(2, 0, 0, 0), table.ByType["meningitis"]);
        Assert.Equal(new ComplicationCounts(2, 1, 1, 0), table.ByType["vertigo"]);
        Assert.Equal(0.5, table.Any.Any.P);
    }
}
