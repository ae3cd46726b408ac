namespace MvdRegistry.Core.Statistics;

/// <summary>A count over a denominator with its Wilson 95% interval; P, Lower and Upper are null when N is 0.</summary>
public sealed record Proportion(int X, int N, double? P, double? Lower, double? Upper)
{
    /// <summary>
    /// The Wilson score interval without continuity correction, as R's
    /// <c>prop.test(x, n, correct = FALSE)$conf.int</c>.
    /// </summary>
    public static Proportion Wilson(int x, int n, double z = Z.Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(x, n);
        if (n == 0) return new Proportion(0, 0, null, null, null);

        var p = (double)x / n;
        var z2 = z * z;
        var centre = (x + z2 / 2) / (n + z2);
        var half = z * Math.Sqrt(p * (1 - p) * n + z2 / 4) / (n + z2);
        // The formula reaches 0 and 1 only up to rounding; the bounds are exact by definition.
        var lower = x == 0 ? 0 : centre - half;
        var upper = x == n ? 1 : centre + half;
        return new Proportion(x, n, p, lower, upper);
    }

    /// <summary>Counts the items where <paramref name="value"/> is true over those where it is not null.</summary>
    public static Proportion Of<T>(IEnumerable<T> items, Func<T, bool?> value)
    {
        int x = 0, n = 0;
        foreach (var item in items)
        {
            if (value(item) is not { } v) continue;
            n++;
            if (v) x++;
        }
        return Wilson(x, n);
    }
}
