using System.Text.Json;
using System.Text.Json.Serialization;

namespace MvdRegistry.Core.Statistics.Snapshot;

/// <summary>
/// Every statistic of OUTCOMES.md computed at one moment. Its JSON (<see cref="ToJson"/>) has the
/// shape of the R reference's expected.json, plus a completeness section; <see cref="FromJson"/> reads
/// it back (a stored snapshot, so that a report shows the numbers the statistics page showed).
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

    private static readonly JsonSerializerOptions ReadOptions = new(JsonOptions) { Converters = { new ComplicationTableReader() } };

    /// <summary>A snapshot from its JSON (<see cref="ToJson"/>); written again, it gives the same text.</summary>
    /// <exception cref="JsonException">The text is not a snapshot.</exception>
    public static RegistrySnapshot FromJson(string json) =>
        JsonSerializer.Deserialize<RegistrySnapshot>(json, ReadOptions) ?? throw new JsonException("The JSON is null, not a snapshot.");
}
