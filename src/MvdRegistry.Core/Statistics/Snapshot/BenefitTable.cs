using System.Text.Json.Serialization;
using MvdRegistry.Core.Outcomes;

namespace MvdRegistry.Core.Statistics.Snapshot;

/// <summary>
/// The benefit of one indication. Missing1y counts operations without a one-year status (not yet
/// followed to one year, or lost to follow-up). The resolution rows exist for HFS only.
/// </summary>
public sealed class BenefitTable
{
    public required int Operations { get; init; }

    [JsonPropertyName("success_1y")]
    public required Proportion Success1y { get; init; }

    [JsonPropertyName("missing_1y")]
    public required int Missing1y { get; init; }

    [JsonPropertyName("complete_1y")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Proportion? Complete1y { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Proportion? ImmediateResolution { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Proportion? DelayedResolution { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Proportion? Recurrence { get; init; }

    public static BenefitTable Build(string indication, IReadOnlyList<OperationOutcome> operations)
    {
        var isHfs = indication == Codes.Hfs;
        return new BenefitTable
        {
            Operations = operations.Count,
            Success1y = Proportion.Of(operations, o => o.Success1y),
            Missing1y = operations.Count(o => o.Success1y is null),
            Complete1y = isHfs ? Proportion.Of(operations, o => o.Complete1y) : null,
            ImmediateResolution = isHfs ? Proportion.Of(operations, o => o.ImmediateResolution) : null,
            DelayedResolution = isHfs ? Proportion.Of(operations, o => o.DelayedResolution) : null,
            Recurrence = isHfs ? Proportion.Of(operations, o => o.Recurrence) : null,
        };
    }
}
