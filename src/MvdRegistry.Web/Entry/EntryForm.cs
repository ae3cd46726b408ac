using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Records;

namespace MvdRegistry.Web.Entry;

/// <summary>
/// One dictionary form on a page: every value as typed (or as stored), the Core's messages by field,
/// and what the page adds to some fields. It hands out the <see cref="FieldView"/>s the field partial draws.
/// </summary>
public sealed class EntryForm(string form, IReadOnlyDictionary<string, string?> values, IReadOnlyList<FieldIssue> issues, DateOnly today)
{
    public string Name => form;

    public IReadOnlyDictionary<string, string?> Values => values;

    public IReadOnlyList<FieldIssue> Issues => issues;

    /// <summary>Per variable name; set by the page.</summary>
    public Dictionary<string, FieldOptions> Options { get; } = [];

    public string Value(string column) => values.TryGetValue(column, out var v) && v is not null ? v.Trim() : "";

    public FieldView Field(string name)
    {
        var variable = DataDictionary.Instance.Get(form, name);
        return new FieldView
        {
            Variable = variable,
            Value = variable.Type == VariableType.Multi ? "" : Value(name),
            Ticked = variable.Type == VariableType.Multi
                ? variable.Choices.Where(c => Value(FieldView.ColumnOf(variable, c)) == "1").Select(c => c.Code).ToHashSet()
                : new HashSet<string>(),
            Issues = issues.Where(i => VariableOf(i.Column) == name).ToList(),
            Today = today,
            Options = Options.GetValueOrDefault(name, FieldOptions.None),
        };
    }

    /// <summary>The fields in the dictionary's order, but a key left for the server to generate last: the first Tab stop is a clinical field.</summary>
    public IEnumerable<FieldView> Fields(IEnumerable<Variable> variables) => variables.Select(v => Field(v.Name)).OrderBy(f => f.Options.Generated);

    /// <summary>Messages about columns this form does not draw: shown at the top of the page.</summary>
    public IEnumerable<FieldIssue> Unplaced(IReadOnlySet<string> drawn) => issues.Where(i => !drawn.Contains(VariableOf(i.Column)));

    /// <summary>The variable a column belongs to (a multi-choice column is variable___CODE).</summary>
    public static string VariableOf(string column) => Application.Saving.ColumnNames.VariableOf(column);
}
