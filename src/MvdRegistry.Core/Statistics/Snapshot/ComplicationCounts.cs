namespace MvdRegistry.Core.Statistics.Snapshot;

/// <summary>
/// Operations with a complication (of one type, or of any): with at least one row, with at least one
/// permanent row, and with rows that are all transient.
/// </summary>
public sealed record ComplicationCounts(int Denominator, int NAny, int NTransient, int NPermanent)
{
    public Proportion Any => Proportion.Wilson(NAny, Denominator);

    public Proportion Permanent => Proportion.Wilson(NPermanent, Denominator);
}
