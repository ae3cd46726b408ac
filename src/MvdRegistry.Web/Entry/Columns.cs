using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;

namespace MvdRegistry.Web.Entry;

public static class Columns
{
    /// <summary>A record's values as raw column text, the shape a posted form has.</summary>
    public static Dictionary<string, string?> Of(RegistryRecord record) =>
        RecordCodec.Write(record).ToDictionary(c => c.Key, c => (string?)c.Value);

    /// <summary>Posted values with some columns fixed by the server (keys and parents: never taken from the form).</summary>
    public static Dictionary<string, string?> With(IReadOnlyDictionary<string, string?> posted, IReadOnlyDictionary<string, string> fixedColumns)
    {
        var row = posted.ToDictionary(c => c.Key, c => c.Value);
        foreach (var (column, value) in fixedColumns) row[column] = value;
        return row;
    }
}
