namespace MvdRegistry.Core.Dictionary;

public enum VariableType { Id, Text, Integer, Decimal, Date, Choice, Multi, YesNo }

public enum Requirement { Yes, Applies, No }

public sealed record Choice(string Code, string Label)
{
    /// <summary>The answers of every yes/no variable (the dictionary's <c>yesno</c> type, which lists no choices of its own).</summary>
    public static readonly IReadOnlyList<Choice> YesNo = [new("yes", "Yes"), new("no", "No"), new("unknown", "Unknown")];

    /// <summary>Choices as the data dictionary's <c>choices</c> column and the export's codebook write them: "code=label|code=label".</summary>
    public static string Format(IEnumerable<Choice> choices) => string.Join("|", choices.Select(c => c.Code + "=" + c.Label));

    /// <summary><see cref="Format"/>'s text back as choices; an empty text is none.</summary>
    public static IReadOnlyList<Choice> Parse(string text) =>
        text.Length == 0 ? [] : text.Split('|').Select(pair => pair.Split('=', 2)).Select(p => new Choice(p[0], p[1])).ToArray();
}

/// <summary>
/// One row of data-dictionary.csv. <see cref="Notes"/> are for the registry's builders and data managers
/// (exports, import, de-identification, warnings); <see cref="Help"/> is what a clinician reads under the
/// field on a form.
/// </summary>
public sealed record Variable(
    string Form,
    string Name,
    string Label,
    VariableType Type,
    IReadOnlyList<Choice> Choices,
    string Min,
    string Max,
    Requirement Required,
    string AppliesWhen,
    string Identifier,
    string Notes,
    string Help = "")
{
    public const string MultiSeparator = "___";

    /// <summary>The file columns of this variable: one per code for a multi-choice variable.</summary>
    public IReadOnlyList<string> Columns { get; } =
        Type == VariableType.Multi ? Choices.Select(c => Name + MultiSeparator + c.Code).ToArray() : [Name];

    public string PropertyName { get; } = string.Concat(Name.Split('_').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    public bool HasCode(string code)
    {
        foreach (var choice in Choices)
            if (choice.Code == code) return true;
        return false;
    }

    /// <summary>The codes a one-column answer may take, with their labels: the choices, or <see cref="Choice.YesNo"/> for a yes/no variable.</summary>
    public IReadOnlyList<Choice> Answers => Type == VariableType.YesNo ? Choice.YesNo : Choices;

    /// <summary>A code's label among <see cref="Answers"/>; an unknown code as itself.</summary>
    public string LabelOf(string code) => Answers.FirstOrDefault(c => c.Code == code)?.Label ?? code;
}
