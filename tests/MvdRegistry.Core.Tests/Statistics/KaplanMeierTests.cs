using MvdRegistry.Core.Statistics;

namespace MvdRegistry.Core.Tests.Statistics;

public class KaplanMeierTests
{
    private static SurvivalObservation[] Data(params (double Time, int Status)[] rows) =>
        rows.Select(r => new SurvivalObservation(r.Time, r.Status == 1)).ToArray();

    // R's aml data, maintained arm (reference/README.md).
    private static readonly SurvivalObservation[] AmlMaintained =
        Data((9, 1), (13, 1), (13, 0), (18, 1), (23, 1), (28, 0), (31, 1), (34, 1), (45, 0), (48, 1), (161, 0));

    [Fact]
    public void The_aml_maintained_arm_gives_Rs_survival_at_each_event_time()
    {
        var fit = KaplanMeier.Fit(AmlMaintained);

        Assert.Equal([9.0, 13, 18, 23, 31, 34, 48], fit.Table.Select(r => r.Time));
        Assert.Equal([0.9091, 0.8182, 0.7159, 0.6136, 0.4909, 0.3682, 0.1841], fit.Table.Select(r => Math.Round(r.Surv, 4)));
        // Counted by hand: the subject censored at 13 is still at risk at 13; 28 and 45 leave before 31 and 48.
        Assert.Equal([11, 10, 8, 7, 5, 4, 2], fit.Table.Select(r => r.NRisk));
        Assert.Equal((11, 7), (fit.N, fit.Events));
    }

    [Fact]
    public void The_aml_maintained_arm_has_median_31()
    {
        var fit = KaplanMeier.Fit(AmlMaintained);

        Assert.Equal(31, fit.Median);
    }

    [Fact]
    public void The_standard_error_is_Greenwoods_and_the_interval_is_on_the_log_scale_capped_at_1()
    {
        var first = KaplanMeier.Fit(AmlMaintained).Table[0];

        // At t = 9: S = 10/11, Greenwood sum = 1/(11*10); se(S) = S*sqrt(1/110) = 0.0866784,
        // lower = S*exp(-1.96*sqrt(1/110)) = 0.7541338, upper = S*exp(+...) = 1.0959, capped at 1.
        Assert.Equal(0.0866784172041, first.StdErr!.Value, 1e-12);
        Assert.Equal(0.754133845081525, first.Lower!.Value, 1e-12);
        Assert.Equal(1, first.Upper);
    }

    [Fact]
    public void A_curve_ending_flat_at_one_half_has_its_median_halfway_to_the_last_observed_time()
    {
        // reference/README.md: survival 0.75, 0.5 at 1, 2, then flat to the censored time 4.
        var fit = KaplanMeier.Fit(Data((1, 1), (2, 1), (3, 0), (4, 0)));

        Assert.Equal([0.75, 0.5], fit.Table.Select(r => r.Surv));
        Assert.Equal(3, fit.Median);
        Assert.Equal(1, fit.MedianLower);
        Assert.Null(fit.MedianUpper);
    }

    [Fact]
    public void A_flat_stretch_at_one_half_ends_at_the_next_drop()
    {
        // reference/README.md: survival 0.5 from time 3 until the drop at 5.
        var fit = KaplanMeier.Fit(Data((1, 1), (2, 1), (3, 1), (4, 0), (5, 1), (6, 0)));

        Assert.Equal(0.5, fit.Table[2].Surv, 1e-15);
        Assert.Equal(4, fit.Median);
        Assert.Equal(2, fit.MedianLower);
        Assert.Null(fit.MedianUpper);
    }

    [Fact]
    public void A_curve_without_events_has_no_rows_and_no_median()
    {
        var fit = KaplanMeier.Fit(Data((3, 0), (5, 0), (8, 0)));

        Assert.Empty(fit.Table);
        Assert.Equal((3, 0), (fit.N, fit.Events));
        Assert.Null(fit.Median);
        Assert.Null(fit.MedianLower);
        Assert.Null(fit.MedianUpper);
    }

    [Fact]
    public void Tied_times_make_one_row_and_a_subject_censored_at_an_event_time_is_still_at_risk()
    {
        var fit = KaplanMeier.Fit(Data((2, 1), (3, 1), (2, 0), (2, 1)));

        var tied = fit.Table[0];
        Assert.Equal((2.0, 4, 2), (tied.Time, tied.NRisk, tied.NEvent));
        Assert.Equal(0.5, tied.Surv);
        // The curve sits at 0.5 from 2 until it drops to 0 at 3.
        Assert.Equal(2.5, fit.Median);
    }

    [Fact]
    public void Once_the_curve_reaches_zero_it_has_no_log_scale_interval()
    {
        var fit = KaplanMeier.Fit(Data((1, 1), (2, 1)));

        var last = fit.Table[^1];
        Assert.Equal(0, last.Surv);
        Assert.Null(last.StdErr);
        Assert.Null(last.Lower);
        Assert.Null(last.Upper);
    }
}
