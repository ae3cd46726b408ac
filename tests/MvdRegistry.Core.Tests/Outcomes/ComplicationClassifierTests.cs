using MvdRegistry.Core.Outcomes;

namespace MvdRegistry.Core.Tests.Outcomes;

public class ComplicationClassifierTests
{
    [Theory]
    [InlineData(179, ComplicationClass.Indeterminate)]
    [InlineData(180, ComplicationClass.Permanent)]
    public void An_unresolved_complication_is_permanent_from_a_last_follow_up_on_day_180(int lastFollowUp, ComplicationClass expected)
    {
        var outcome = OperationBuilder.Hfs().Complication("facial_palsy", "no").Visit(30).Visit(lastFollowUp).Derive();

        Assert.Equal(expected, Assert.Single(outcome.Complications).Class);
    }

    [Fact]
    public void An_unresolved_complication_without_follow_up_is_indeterminate()
    {
        var outcome = OperationBuilder.Hfs().Complication("hearing_loss", "no").Derive();

        Assert.Equal(ComplicationClass.Indeterminate, Assert.Single(outcome.Complications).Class);
        Assert.False(outcome.AnyPermanent);
    }

    [Fact]
    public void A_complication_of_unknown_resolution_is_indeterminate_however_long_the_follow_up()
    {
        var outcome = OperationBuilder.Hfs().Complication("tinnitus", "unknown").Visit(1000).Derive();

        Assert.Equal(ComplicationClass.Indeterminate, Assert.Single(outcome.Complications).Class);
    }

    [Fact]
    public void A_resolved_complication_is_transient()
    {
        var outcome = OperationBuilder.Hfs().Complication("csf_leak", "yes").Visit(400).Derive();

        Assert.Equal(ComplicationClass.Transient, Assert.Single(outcome.Complications).Class);
    }

    [Fact]
    public void A_death_is_permanent_without_any_follow_up()
    {
        var outcome = OperationBuilder.Hfs().Complication("death", "no", onsetDay: 3, clavienDindo: "V").Derive();

        Assert.Equal(ComplicationClass.Permanent, Assert.Single(outcome.Complications).Class);
        Assert.True(outcome.AnyPermanent);
        Assert.True(outcome.Major);
    }

    [Theory]
    [InlineData(30, true)]
    [InlineData(31, false)]
    public void A_death_counts_within_30_days_up_to_day_30(int onsetDay, bool expected)
    {
        var outcome = OperationBuilder.Hfs().Complication("death", "no", onsetDay, "V").Derive();

        Assert.Equal(expected, outcome.Death30d);
        Assert.True(outcome.HasDeath);
    }

    [Theory]
    [InlineData("I", false)]
    [InlineData("II", false)]
    [InlineData("IIIa", true)]
    [InlineData("IIIb", true)]
    [InlineData("IVa", true)]
    [InlineData("IVb", true)]
    [InlineData("V", true)]
    public void Major_means_Clavien_Dindo_IIIa_or_worse(string grade, bool expected)
    {
        Assert.Equal(expected, OperationBuilder.Hfs().Complication("cerebellar_injury", "yes", clavienDindo: grade).Derive().Major);
    }
}
