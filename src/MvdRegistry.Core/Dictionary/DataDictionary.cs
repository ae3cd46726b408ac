using System.Reflection;
using Sylvan.Data.Csv;

namespace MvdRegistry.Core.Dictionary;

/// <summary>
/// data-dictionary.csv, embedded in this assembly: the one source of names, types, codes, ranges and
/// applicability that validation, import, export and the forms all read.
/// </summary>
public sealed class DataDictionary
{
    private readonly Dictionary<string, IReadOnlyList<Variable>> _byForm;
    private readonly Dictionary<(string, string), Variable> _byName;

    public static DataDictionary Instance { get; } = LoadEmbedded();

    public DataDictionary(IReadOnlyList<Variable> variables)
    {
        Variables = variables;
        _byForm = variables.GroupBy(v => v.Form).ToDictionary(g => g.Key, g => (IReadOnlyList<Variable>)g.ToArray());
        _byName = variables.ToDictionary(v => (v.Form, v.Name));
    }

    public IReadOnlyList<Variable> Variables { get; }

    public IReadOnlyList<Variable> Form(string form) => _byForm[form];

    public Variable Get(string form, string name) => _byName[(form, name)];

    public Variable? Find(string form, string name) => _byName.GetValueOrDefault((form, name));

    /// <summary>Every file column of a form, in dictionary order.</summary>
    public IReadOnlyList<string> Columns(string form) => Form(form).SelectMany(v => v.Columns).ToArray();

    public static DataDictionary Parse(TextReader reader)
    {
        using var csv = CsvDataReader.Create(reader);
        var variables = new List<Variable>();
        while (csv.Read())
        {
            string Col(string name) => csv.GetString(csv.GetOrdinal(name)).Trim();
            // "help" is the registry's own column (clinicians' help under a field); a dictionary without it has none.
            string Optional(string name) => Enumerable.Range(0, csv.FieldCount).Any(i => csv.GetName(i) == name) ? Col(name) : "";
            var choices = Choice.Parse(Col("choices"));
            variables.Add(new Variable(
                Col("form"), Col("variable"), Col("label"), ParseType(Col("type")), choices,
                Col("min"), Col("max"), ParseRequirement(Col("required")), Col("applies_when"),
                Col("identifier"), Col("notes"), Optional("help")));
        }
        return new DataDictionary(variables);
    }

    private static DataDictionary LoadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("MvdRegistry.Core.data-dictionary.csv")
            ?? throw new InvalidOperationException("data-dictionary.csv is not embedded in MvdRegistry.Core");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }

    private static VariableType ParseType(string type) => type switch
    {
        "id" => VariableType.Id,
        "text" => VariableType.Text,
        "integer" => VariableType.Integer,
        "decimal" => VariableType.Decimal,
        "date" => VariableType.Date,
        "choice" => VariableType.Choice,
        "multi" => VariableType.Multi,
        "yesno" => VariableType.YesNo,
        _ => throw new FormatException($"unknown variable type '{type}' in the data dictionary"),
    };

    private static Requirement ParseRequirement(string required) => required switch
    {
        "yes" => Requirement.Yes,
        "applies" => Requirement.Applies,
        "no" => Requirement.No,
        _ => throw new FormatException($"unknown required value '{required}' in the data dictionary"),
    };
}
