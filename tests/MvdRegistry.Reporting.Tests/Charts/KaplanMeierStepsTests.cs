using System.Text.Json.Nodes;
using MvdRegistry.Reporting.Charts;
using MvdRegistry.Reporting.Tests.Support;

namespace MvdRegistry.Reporting.Tests.Charts;

/// <summary>The drawn steps against R's curve for registry-small (expected.json), not against the code that drew them.</summary>
public class KaplanMeierStepsTests
{
    private const double Tolerance = 1e-6;

    [Theory]
    [InlineData("time_to_resolution")]
    [InlineData("recurrence_free")]
    public void The_curve_steps_down_to_Rs_survival_at_each_of_Rs_event_times(string curve)
    {
        var (snapshot, expected) = Curve(curve);
        var table = expected["table"]!.AsArray();

        var steps = KaplanMeierSteps.Of(snapshot);

        Assert.Equal((0.0, 1.0), (steps.Xs[0], steps.Ys[0]));
        var before = 1.0;
        for (var i = 0; i < table.Count; i++)
        {
            var (time, surv) = (table[i]!["time"]!.GetValue<double>(), table[i]!["surv"]!.GetValue<double>());
            Assert.Equal(time, steps.Xs[1 + 2 * i]);
            Assert.Equal(time, steps.Xs[2 + 2 * i]);
            Assert.Equal(before, steps.Ys[1 + 2 * i], Tolerance);
            Assert.Equal(surv, steps.Ys[2 + 2 * i], Tolerance);
            before = surv;
        }
        // After the last event the curve runs on flat to the last censored operation.
        Assert.Equal(before, steps.Ys[^1], Tolerance);
        Assert.True(steps.LastTime >= table[^1]!["time"]!.GetValue<double>());
    }

    [Theory]
    [InlineData("time_to_resolution")]
    [InlineData("recurrence_free")]
    public void The_band_steps_between_Rs_lower_and_upper_bounds(string curve)
    {
        var (snapshot, expected) = Curve(curve);
        var table = expected["table"]!.AsArray().Where(r => r!["lower"] is not null).ToArray();

        var steps = KaplanMeierSteps.Of(snapshot);

        for (var i = 0; i < table.Length; i++)
        {
            Assert.Equal(table[i]!["time"]!.GetValue<double>(), steps.BandXs[2 + 2 * i]);
            Assert.Equal(table[i]!["lower"]!.GetValue<double>(), steps.BandLower[2 + 2 * i], 1e-5);
            Assert.Equal(table[i]!["upper"]!.GetValue<double>(), steps.BandUpper[2 + 2 * i], 1e-5);
        }
    }

    [Fact]
    public void Every_censoring_mark_sits_on_Rs_curve_at_a_censoring_time_and_every_censoring_time_has_a_mark_nearby()
    {
        var (snapshot, expected) = Curve("time_to_resolution");
        var table = expected["table"]!.AsArray();

        var steps = KaplanMeierSteps.Of(snapshot);

        // expected.json: 277 operations, 224 resolved; the 53 others are censored.
        Assert.Equal(277 - 224, snapshot.Censored!.Sum(c => c.Count));
        var times = snapshot.Censored!.Select(c => c.Time).ToArray();
        var bin = steps.LastTime / KaplanMeierSteps.MaxCensorMarks;
        Assert.All(steps.CensorXs, x => Assert.Contains(x, times));
        Assert.All(times, t => Assert.Contains(steps.CensorXs, x => Math.Abs(x - t) <= bin));
        for (var i = 0; i < steps.CensorXs.Length; i++)
        {
            var onCurve = table.LastOrDefault(r => r!["time"]!.GetValue<double>() <= steps.CensorXs[i])?["surv"]?.GetValue<double>() ?? 1;
            Assert.Equal(onCurve, steps.CensorYs[i], Tolerance);
        }
    }

    [Fact]
    public void Censoring_marks_closer_than_a_three_hundredth_of_the_axis_are_drawn_once()
    {
        var censored = Enumerable.Range(1, 1000).Select(d => new Core.Statistics.CensoredAt(d, 1)).ToArray();
        var km = new Core.Statistics.KaplanMeierResult(1000, 0, null, null, null, [], censored);

        var steps = KaplanMeierSteps.Of(km);

        Assert.InRange(steps.CensorXs.Length, 290, KaplanMeierSteps.MaxCensorMarks + 1);
        Assert.All(steps.CensorYs, y => Assert.Equal(1, y));
    }

    [Fact]
    public void After_the_last_event_the_curve_and_its_band_run_on_flat_to_the_last_censored_operation()
    {
        // Events on days 2 (two), 5 and 9; censored on days 3 and 12.
        var km = KaplanMeierChartTests.Curve;

        var steps = KaplanMeierSteps.Of(km);

        Assert.Equal(12, steps.LastTime);
        Assert.Equal([0, 2, 2, 5, 5, 9, 9, 12], steps.Xs);
        Assert.Equal([1, 1, 0.8, 0.8, 0.6857, 0.6857, 0.5714, 0.5714], steps.Ys);
        Assert.Equal([0, 2, 2, 5, 5, 9, 9, 12], steps.BandXs);
        Assert.Equal([1, 1, 0.62, 0.62, 0.48, 0.48, 0.36, 0.36], steps.BandLower);
        Assert.Equal([1, 1, 0.95, 0.95, 0.9, 0.9, 0.82, 0.82], steps.BandUpper);
        Assert.Equal([3, 12], steps.CensorXs);
        Assert.Equal([0.8, 0.5714], steps.CensorYs);
    }

    [Fact]
    public void The_band_ends_where_the_curve_reaches_0_and_the_curve_goes_on_without_it()
    {
        // R's log-scale interval has no bounds once the curve is at 0 (day 4); the last operation is censored on day 6.
        var km = new Core.Statistics.KaplanMeierResult(3, 2, 1, 1, null,
        [
            new Core.Statistics.KaplanMeierRow(1, 3, 1, 0.5, 0.3, 0.2, 0.9),
            new Core.Statistics.KaplanMeierRow(4, 1, 1, 0, null, null, null),
        ],
        [new Core.Statistics.CensoredAt(6, 1)]);

        var steps = KaplanMeierSteps.Of(km);

        Assert.Equal([0, 1, 1, 4, 4, 6], steps.Xs);
        Assert.Equal([1, 1, 0.5, 0.5, 0, 0], steps.Ys);
        Assert.Equal([0, 1, 1, 4], steps.BandXs);
        Assert.Equal([1, 1, 0.2, 0.2], steps.BandLower);
        Assert.Equal([1, 1, 0.9, 0.9], steps.BandUpper);
    }

    [Fact]
    public void A_curve_ending_on_an_event_is_not_extended()
    {
        var km = new Core.Statistics.KaplanMeierResult(2, 1, null, null, null,
            [new Core.Statistics.KaplanMeierRow(5, 2, 1, 0.5, 0.3, 0.2, 0.9)], [new Core.Statistics.CensoredAt(5, 1)]);

        var steps = KaplanMeierSteps.Of(km);

        Assert.Equal([0, 5, 5], steps.Xs);
        Assert.Equal([0, 5, 5], steps.BandXs);
        Assert.Equal((5.0, 0.5), (Assert.Single(steps.CensorXs), Assert.Single(steps.CensorYs)));
    }

    [Fact]
    public void A_curve_without_censoring_list_has_no_marks_and_ends_at_its_last_event()
    {
        var km = new Core.Statistics.KaplanMeierResult(1, 1, null, null, null, [new Core.Statistics.KaplanMeierRow(7, 1, 1, 0, null, null, null)]);

        var steps = KaplanMeierSteps.Of(km);

        Assert.Equal(7, steps.LastTime);
        Assert.Empty(steps.CensorXs);
    }

    [Fact]
    public void Operations_censored_on_day_0_alone_give_one_mark_at_100_percent()
    {
        var km = new Core.Statistics.KaplanMeierResult(2, 0, null, null, null, [], [new Core.Statistics.CensoredAt(0, 2)]);

        var steps = KaplanMeierSteps.Of(km);

        Assert.Equal(0, steps.LastTime);
        Assert.Equal([0], steps.Xs);
        Assert.Equal((0.0, 1.0), (Assert.Single(steps.CensorXs), Assert.Single(steps.CensorYs)));
    }

    private static (Core.Statistics.KaplanMeierResult Snapshot, JsonNode Expected) Curve(string name)
    {
        var km = ReferenceSnapshot.Snapshot.KaplanMeier;
        return (name == "time_to_resolution" ? km.TimeToResolution : km.RecurrenceFree, ReferenceSnapshot.Expected["kaplan_meier"]![name]!);
    }
}
