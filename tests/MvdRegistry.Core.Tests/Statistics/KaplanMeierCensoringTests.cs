using MvdRegistry.Core.Statistics;

namespace MvdRegistry.Core.Tests.Statistics;

/// <summary>The censoring times a Kaplan-Meier result keeps for a plot's censoring marks.</summary>
public class KaplanMeierCensoringTests
{
    [Fact]
    public void The_aml_maintained_arm_lists_its_four_censoring_times()
    {
        // R's aml data, maintained arm: censored at 13, 28, 45 and 161 (the "+" times of reference/README.md).
        var fit = KaplanMeier.Fit([
            new(9, true), new(13, true), new(13, false), new(18, true), new(23, true), new(28, false),
            new(31, true), new(34, true), new(45, false), new(48, true), new(161, false)]);

        Assert.Equal([new CensoredAt(13, 1), new CensoredAt(28, 1), new CensoredAt(45, 1), new CensoredAt(161, 1)], fit.Censored!);
    }

    [Fact]
    public void Several_censored_at_one_time_are_counted_together_and_events_alone_list_none()
    {
        var censored = KaplanMeier.Fit([new(5, false), new(5, false), new(5, true), new(7, false)]);
        var eventsOnly = KaplanMeier.Fit([new(1, true), new(2, true)]);

        Assert.Equal([new CensoredAt(5, 2), new CensoredAt(7, 1)], censored.Censored!);
        Assert.Empty(eventsOnly.Censored!);
    }

    [Fact]
    public void The_log_rank_section_of_registry_small_carries_each_groups_curve_with_Rs_group_sizes()
    {
        var logRank = ReferenceRegistry.Compute().LogrankLsr;
        var expected = ReferenceRegistry.Expected()["logrank_lsr"]!;

        Assert.NotNull(logRank.Curves);
        Assert.Equal(2, logRank.Curves.Count);
        // expected.json: n = [50, 151], observed = [32, 124], for lsr_disappeared = 0 then 1.
        Assert.Equal(expected["n"]!.AsArray().Select(n => n!.GetValue<int>()), logRank.Curves.Select(c => c.N));
        Assert.Equal(expected["observed"]!.AsArray().Select(n => n!.GetValue<int>()), logRank.Curves.Select(c => c.Events));
    }
}
