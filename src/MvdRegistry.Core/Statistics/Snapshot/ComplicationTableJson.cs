using System.Text.Json;
using System.Text.Json.Serialization;

namespace MvdRegistry.Core.Statistics.Snapshot;

/// <summary>
/// The JSON shape of a <see cref="ComplicationTable"/>, as the R reference writes it: "any", "major"
/// and "death_30d", with each complication type beside them keyed by its code. Read back as written.
/// </summary>
public sealed class ComplicationTableJson : JsonConverter<ComplicationTable>
{
    private const string Any = "any", Major = "major", Death30d = "death_30d";

    public override ComplicationTable Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        ComplicationCounts? any = null;
        Proportion? major = null, death = null;
        var byType = new Dictionary<string, ComplicationCounts>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            switch (property.Name)
            {
                case Any: any = property.Value.Deserialize<ComplicationCounts>(options); break;
                case Major: major = property.Value.Deserialize<Proportion>(options); break;
                case Death30d: death = property.Value.Deserialize<Proportion>(options); break;
                default: byType[property.Name] = property.Value.Deserialize<ComplicationCounts>(options)!; break;
            }
        }
        return new ComplicationTable(
            any ?? throw new JsonException($"a complication table has no '{Any}'"),
            byType,
            major ?? throw new JsonException($"a complication table has no '{Major}'"),
            death ?? throw new JsonException($"a complication table has no '{Death30d}'"));
    }

    public override void Write(Utf8JsonWriter writer, ComplicationTable value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(Any);
        JsonSerializer.Serialize(writer, value.Any, options);
        writer.WritePropertyName(Major);
        JsonSerializer.Serialize(writer, value.Major, options);
        writer.WritePropertyName(Death30d);
        JsonSerializer.Serialize(writer, value.Death30d, options);
        foreach (var (type, counts) in value.ByType)
        {
            writer.WritePropertyName(type);
            JsonSerializer.Serialize(writer, counts, options);
        }
        writer.WriteEndObject();
    }
}
