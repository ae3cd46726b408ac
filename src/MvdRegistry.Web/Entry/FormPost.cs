using MvdRegistry.Core.Dictionary;

namespace MvdRegistry.Web.Entry;

/// <summary>
/// Reads a posted form into the raw column values that RecordCodec.Read takes (column to text, as
/// typed). A browser posts only the ticked boxes of a multi-choice variable (value 1): when any box of
/// the variable is ticked every other box counts as 0, and when none is the question was not answered.
/// </summary>
public static class FormPost
{
    public static Dictionary<string, string?> Read(IFormCollection form, string formName)
    {
        var row = new Dictionary<string, string?>();
        foreach (var variable in DataDictionary.Instance.Form(formName))
        {
            if (variable.Type != VariableType.Multi)
            {
                row[variable.Name] = Value(form, variable.Name);
                continue;
            }
            var answered = variable.Columns.Any(c => Value(form, c).Length > 0);
            foreach (var column in variable.Columns)
                row[column] = Value(form, column) is { Length: > 0 } ticked ? ticked : answered ? "0" : "";
        }
        return row;
    }

    /// <summary>The last value posted under a name ("" when absent).</summary>
    public static string Value(IFormCollection form, string name) =>
        form.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] ?? "" : "";
}
