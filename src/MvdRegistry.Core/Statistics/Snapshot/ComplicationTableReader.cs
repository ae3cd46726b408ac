using System.Text.Json;
using System.Text.Json.Serialization;

namespace MvdRegistry.Core.Statistics.Snapshot;

/// <summary>
/// Reads a <see cref="ComplicationTable"/> back from its JSON shape ("any", each type keyed by its code,
/// "major", "death_30d"), which the table's own constructor cannot take. Writing is the table's own.
/// </summary>
internal sealed class ComplicationTableReader : JsonConverter<ComplicationTable>
{
    private const string AnyKey = "any";
    private const string MajorKey = "major";
    private const string Death30dKey = "death_30d";

    public override ComplicationTable Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("A complication table is a JSON object.");
        ComplicationCounts? any = null;
        Proportion? major = null, death30d = null;
        var byType = new Dictionary<string, ComplicationCounts>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            switch (name)
            {
                case AnyKey: any = JsonSerializer.Deserialize<ComplicationCounts>(ref reader, options); break;
                case MajorKey: major = JsonSerializer.Deserialize<Proportion>(ref reader, options); break;
                case Death30dKey: death30d = JsonSerializer.Deserialize<Proportion>(ref reader, options); break;
                default: byType[name] = JsonSerializer.Deserialize<ComplicationCounts>(ref reader, options) ?? throw Missing(name); break;
            }
        }
        return new ComplicationTable(any ?? throw Missing(AnyKey), byType, major ?? throw Missing(MajorKey), death30d ?? throw Missing(Death30dKey));
    }

    public override void Write(Utf8JsonWriter writer, ComplicationTable value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, RegistrySnapshot.JsonOptions);

    private static JsonException Missing(string name) => new($"A complication table lacks \"{name}\".");
}
