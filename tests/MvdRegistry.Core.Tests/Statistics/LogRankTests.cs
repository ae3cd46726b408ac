using MvdRegistry.Core.Statistics;

namespace MvdRegistry.Core.Tests.Statistics;

public class LogRankTests
{
    private static SurvivalObservation[] Data(double[] times, int[] status) =>
        times.Zip(status, (t, s) => new SurvivalObservation(t, s == 1)).ToArray();

    // R's aml data (survival package): x = Maintained and x = Nonmaintained.
    private static readonly SurvivalObservation[] Maintained =
        Data([9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161], [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0]);
    private static readonly SurvivalObservation[] Nonmaintained =
        Data([5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45], [1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1]);

    [Fact]
    public void The_two_aml_arms_give_Rs_chi_square_and_p_value()
    {
        var test = LogRank.Test(Maintained, Nonmaintained);

        // survdiff(Surv(time, status) ~ x, data = aml): Chisq = 3.4 on 1 df, p = 0.0653 (reference/README.md: 3.396).
        Assert.Equal(3.396, test.ChiSquare!.Value, 0.0005);
        Assert.Equal(0.0653, test.P!.Value, 0.00005);
    }

    [Fact]
    public void Observed_events_are_counted_per_arm_and_expected_events_add_up_to_them()
    {
        var test = LogRank.Test(Maintained, Nonmaintained);

        Assert.Equal([11, 12], test.N);
        Assert.Equal([7, 11], test.Observed);
        // survdiff prints Expected 10.69 and 7.31.
        Assert.Equal(10.69, test.Expected[0], 0.005);
        Assert.Equal(7.31, test.Expected[1], 0.005);
    }

    [Fact]
    public void An_event_of_the_last_subject_at_risk_adds_no_variance()
    {
        // At time 6 only one subject is at risk, and it dies: its hypergeometric variance is 0, not 0/0. R 4.2:
        // survdiff(Surv(t, s) ~ g) with t = 1, 3, 6 | 2, 4, 5 and s = 1, 0, 1 | 1, 1, 0: chisq 0.0764430577223089,
        // expected 2.23333333333333 and 1.76666666666667, p 0.782176825525589.
        var test = LogRank.Test(Data([1, 3, 6], [1, 0, 1]), Data([2, 4, 5], [1, 1, 0]));

        Assert.Equal(0.0764430577223089, test.ChiSquare!.Value, 1e-12);
        Assert.Equal(2.23333333333333, test.Expected[0], 1e-12);
        Assert.Equal(1.76666666666667, test.Expected[1], 1e-12);
        Assert.Equal(0.782176825525589, test.P!.Value, 1e-12);
    }

    [Fact]
    public void Without_events_there_is_no_test()
    {
        var test = LogRank.Test(Data([1, 2], [0, 0]), Data([3], [0]));

        Assert.Null(test.ChiSquare);
        Assert.Null(test.P);
    }
}
