using System.Text.Json;
using System.Text.Json.Serialization;

namespace MvdRegistry.Core.Statistics.Snapshot;

/// <summary>
/// Every statistic of OUTCOMES.md computed at one moment. Its JSON (<see cref="ToJson"/>) has the
/// shape of the R reference's expected.json, plus a completeness section.
/// </summary>
public sealed class RegistrySnapshot
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        WriteIndented = true,
    };

    public required PopulationSection Population { get; init; }

    /// <summary>Keyed by indication: HFS, TN, GPN.</summary>
    public required IReadOnlyDictionary<string, BenefitTable> Benefit { get; init; }

    /// <summary>Keyed by ALL, HFS, TN, GPN.</summary>
    public required IReadOnlyDictionary<string, ComplicationTable> Complications { get; init; }

    public required SurvivalSection KaplanMeier { get; init; }

    public required LogRankSection LogrankLsr { get; init; }

    public required LogisticSection Logistic { get; init; }

    public required IReadOnlyList<StratumRow> Strata { get; init; }

    public required FunnelSection Funnel { get; init; }

    public required CompletenessSection Completeness { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public void WriteJson(Stream stream) => JsonSerializer.Serialize(stream, this, JsonOptions);

    /// <summary>A snapshot as <see cref="ToJson"/> wrote it (a stored statistics snapshot).</summary>
    public static RegistrySnapshot FromJson(string json) =>
        JsonSerializer.Deserialize<RegistrySnapshot>(json, JsonOptions) ?? throw new JsonException("the statistics snapshot is empty");
}
