namespace MvdRegistry.Core.Statistics.Snapshot;

/// <summary>
/// One surgeon's or site's operations with at least one permanent complication, the Wilson interval
/// of that rate, and the registry rate's control limits at this many operations, cut to [0, 1].
/// Surgeon codes here are real: whoever shows them must pseudonymise them for anyone but
/// administrators and the surgeon in question.
/// </summary>
public sealed record FunnelRow(
    string Code,
    int Operations,
    int Permanent,
    double Rate,
    double Lower,
    double Upper,
    double Limit95Lower,
    double Limit95Upper,
    double Limit998Lower,
    double Limit998Upper);
