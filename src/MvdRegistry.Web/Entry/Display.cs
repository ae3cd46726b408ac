using MvdRegistry.Core.Dictionary;

namespace MvdRegistry.Web.Entry;

/// <summary>Values as a reader sees them: labels for codes, "" for not recorded.</summary>
public static class Display
{
    public static string Of(Variable variable, IReadOnlyDictionary<string, string?> row)
    {
        string Raw(string column) => row.TryGetValue(column, out var v) && v is not null ? v.Trim() : "";
        if (variable.Type == VariableType.Multi)
        {
            if (variable.Columns.All(c => Raw(c).Length == 0)) return "";
            var ticked = variable.Choices.Where(c => Raw(FieldView.ColumnOf(variable, c)) == "1").Select(c => c.Label).ToList();
            return ticked.Count == 0 ? "none" : string.Join(", ", ticked);
        }
        return Label(variable, Raw(variable.Name));
    }

    public static string Label(Variable variable, string? raw) => raw switch
    {
        null or "" => "",
        _ when variable.Type is VariableType.YesNo or VariableType.Choice => variable.LabelOf(raw),
        _ => raw,
    };

    /// <summary>A stored multi-choice value ("AICA|VA") or a code, as labels.</summary>
    public static string Stored(Variable variable, string? value) => variable.Type == VariableType.Multi
        ? value switch { null => "", "" => "none", _ => string.Join(", ", value.Split('|').Select(variable.LabelOf)) }
        : Label(variable, value);
}
