using MvdRegistry.Core.Statistics;

namespace MvdRegistry.Core.Tests.Statistics;

public class WilsonIntervalTests
{
    // Published series from reference/README.md; the bounds there are percentages rounded to
    // 0.01 (four decimals for the small examples), so each is checked to half its last digit.
    [Theory]
    [InlineData(1105, 1174, 0.9263, 0.9533, 0.00005)]
    [InlineData(13, 1174, 0.0065, 0.0189, 0.00005)]
    [InlineData(1442, 1524, 0.9337, 0.9564, 0.00005)]
    [InlineData(32, 1524, 0.0149, 0.0295, 0.00005)]
    [InlineData(4, 20, 0.080658, 0.416017, 0.0000005)]
    [InlineData(18, 20, 0.698966, 0.972134, 0.0000005)]
    public void The_interval_reproduces_the_published_series(int x, int n, double lower, double upper, double tolerance)
    {
        var proportion = Proportion.Wilson(x, n);

        Assert.Equal((double)x / n, proportion.P);
        Assert.Equal(lower, proportion.Lower!.Value, tolerance);
        Assert.Equal(upper, proportion.Upper!.Value, tolerance);
    }

    [Fact]
    public void None_of_n_has_a_lower_bound_of_exactly_0()
    {
        var proportion = Proportion.Wilson(0, 30);

        Assert.Equal(0, proportion.P);
        Assert.Equal(0, proportion.Lower);
        Assert.Equal(0.113513, proportion.Upper!.Value, 0.0000005);
    }

    [Fact]
    public void All_of_n_has_an_upper_bound_of_exactly_1()
    {
        var proportion = Proportion.Wilson(18, 18);

        Assert.Equal(1, proportion.P);
        Assert.Equal(1, proportion.Upper);
        // With x = n the lower bound simplifies to n / (n + z^2) = 18 / (18 + 1.95996^2).
        Assert.Equal(0.824120776353342, proportion.Lower!.Value, 1e-12);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(29)]
    [InlineData(47)]
    public void All_of_n_is_exactly_1_even_where_the_formula_rounds_away_from_it(int n)
    {
        // For these n, (x + z^2/2)/(n + z^2) + half does not come to 1.0 in doubles.
        Assert.Equal(1, Proportion.Wilson(n, n).Upper);
    }

    [Theory]
    [InlineData(-1, 5)]
    [InlineData(6, 5)]
    public void A_count_below_0_or_above_its_denominator_is_refused(int x, int n)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Proportion.Wilson(x, n));
    }

    [Fact]
    public void An_empty_denominator_has_no_proportion_and_no_interval()
    {
        var proportion = Proportion.Wilson(0, 0);

        Assert.Equal(0, proportion.N);
        Assert.Null(proportion.P);
        Assert.Null(proportion.Lower);
        Assert.Null(proportion.Upper);
    }

    [Fact]
    public void A_proportion_counts_only_the_known_values()
    {
        bool?[] values = [true, false, null, true, null];

        var proportion = Proportion.Of(values, v => v);

        Assert.Equal((2, 3), (proportion.X, proportion.N));
    }
}
