using System.Text.Json.Serialization;

namespace MvdRegistry.Core.Statistics.Snapshot;

/// <summary>
/// Benefit and harm of the HFS operations of one stratum level. Lhh, the likelihood of being helped
/// versus harmed, is P(success_1y) / P(any permanent complication), null when nobody was harmed.
/// </summary>
public sealed record StratumRow(
    string Stratum,
    string Level,
    int Operations,
    [property: JsonPropertyName("success_1y")] Proportion Success1y,
    Proportion Permanent,
    double? Lhh);
