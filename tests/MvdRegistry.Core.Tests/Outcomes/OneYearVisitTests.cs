namespace MvdRegistry.Core.Tests.Outcomes;

public class OneYearVisitTests
{
    [Theory]
    [InlineData(269, null)]
    [InlineData(270, "resolved")]
    [InlineData(540, "resolved")]
    [InlineData(541, null)]
    public void The_one_year_window_runs_from_day_270_to_day_540_inclusive(int day, string? expected)
    {
        var outcome = OperationBuilder.Hfs().Visit(day, "resolved").Derive();

        Assert.Equal(expected, outcome.Status1y);
    }

    [Fact]
    public void Two_visits_equally_far_from_day_365_resolve_to_the_later_one()
    {
        // 300 and 430 are both 65 days from 365.
        var outcome = OperationBuilder.Hfs().Visit(430, "partial").Visit(300, "resolved").Derive();

        Assert.Equal("partial", outcome.Status1y);
        Assert.False(outcome.Success1y);
    }

    [Fact]
    public void The_visit_closest_to_day_365_wins()
    {
        var outcome = OperationBuilder.Hfs().Visit(270, "worse").Visit(350, "near_complete").Visit(400, "partial").Derive();

        Assert.Equal("near_complete", outcome.Status1y);
        Assert.True(outcome.Success1y);
        Assert.False(outcome.Complete1y);
    }

    [Fact]
    public void Without_a_visit_in_the_window_the_one_year_outcome_is_missing_not_a_failure()
    {
        var outcome = OperationBuilder.Hfs().Visit(30, "resolved").Visit(600, "resolved").Derive();

        Assert.Null(outcome.Status1y);
        Assert.Null(outcome.Success1y);
        Assert.Null(outcome.Complete1y);
    }

    [Theory]
    [InlineData("I", true)]
    [InlineData("IIIb", true)]
    [InlineData("IV", false)]
    [InlineData("V", false)]
    public void Pain_success_is_BNI_I_to_IIIb_at_the_one_year_visit(string bni, bool expected)
    {
        var outcome = OperationBuilder.Tn().Visit(365, bniPain: bni).Derive();

        Assert.Equal(bni, outcome.Status1y);
        Assert.Equal(expected, outcome.Success1y);
        Assert.Null(outcome.Complete1y);
    }
}
