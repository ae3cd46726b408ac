namespace MvdRegistry.Core.Demo;

/// <summary>The few draws the generator needs, all from the one seeded <see cref="Random"/> so a seed replays.</summary>
internal static class DemoRandom
{
    public static bool Chance(this Random random, double p) => random.NextDouble() < p;

    /// <summary>Inclusive at both ends, which is how clinical ranges are written.</summary>
    public static int Between(this Random random, int min, int max) => random.Next(min, max + 1);

    public static double Normal(this Random random, double mean, double sd)
    {
        // Box-Muller; 1 - NextDouble() keeps the logarithm away from zero.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return mean + sd * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Durations and volumes are skewed: a median and a spread on the log scale describe them.</summary>
    public static double LogNormal(this Random random, double median, double sigma) =>
        median * Math.Exp(sigma * random.Normal(0, 1));

    public static int NormalInt(this Random random, double mean, double sd, int min, int max) =>
        Math.Clamp((int)Math.Round(random.Normal(mean, sd)), min, max);

    public static int LogNormalInt(this Random random, double median, double sigma, int min, int max) =>
        (int)Math.Clamp(Math.Round(random.LogNormal(median, sigma)), min, max);

    public static decimal OneDecimal(double value) => (decimal)Math.Round(value, 1);

    /// <summary>A yes/no field as the model stores it: "yes", "no" or "unknown".</summary>
    public static string YesNo(this Random random, double pYes, double pUnknown = 0.0)
    {
        var u = random.NextDouble();
        return u < pUnknown ? "unknown" : u < pUnknown + pYes ? "yes" : "no";
    }
}

/// <summary>A categorical distribution written as (value, weight) pairs; weights need not sum to 1.</summary>
internal sealed class Mix<T>
{
    private readonly T[] _values;
    private readonly double[] _cumulative;

    public Mix(params (T Value, double Weight)[] table)
    {
        _values = new T[table.Length];
        _cumulative = new double[table.Length];
        var sum = 0.0;
        for (var i = 0; i < table.Length; i++)
        {
            sum += table[i].Weight;
            _values[i] = table[i].Value;
            _cumulative[i] = sum;
        }
        for (var i = 0; i < table.Length; i++) _cumulative[i] /= sum;
    }

    public T Pick(Random random)
    {
        var u = random.NextDouble();
        for (var i = 0; i < _cumulative.Length - 1; i++)
        {
            if (u < _cumulative[i]) return _values[i];
        }
        return _values[^1];
    }
}
