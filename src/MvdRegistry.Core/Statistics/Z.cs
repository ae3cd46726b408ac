namespace MvdRegistry.Core.Statistics;

/// <summary>Standard normal quantiles used for every interval and control limit (OUTCOMES.md).</summary>
public static class Z
{
    /// <summary>Two-sided 95%.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>Two-sided 99.8%.</summary>
    public const double Z998 = 3.090232306167813;
}
