using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Records;

namespace MvdRegistry.Web.Entry;

/// <summary>One dictionary variable as the field partial draws it: its value as typed, its messages, its options.</summary>
public sealed class FieldView
{
    /// <summary>Choice lists this short are radios; longer ones a select.</summary>
    public const int RadioLimit = 3;

    public required Variable Variable { get; init; }

    /// <summary>The raw value of a one-column variable, as typed or as stored.</summary>
    public required string Value { get; init; }

    /// <summary>The ticked codes of a multi-choice variable.</summary>
    public required IReadOnlySet<string> Ticked { get; init; }

    public required IReadOnlyList<FieldIssue> Issues { get; init; }

    public required DateOnly Today { get; init; }

    public FieldOptions Options { get; init; } = FieldOptions.None;

    public string Name => Variable.Name;

    public string Id => "f-" + Variable.Name;

    public string MessagesId => "m-" + Variable.Name;

    /// <summary>Required always, or whenever it applies (it is shown only then).</summary>
    public bool IsRequired => Variable.Required != Requirement.No && !Options.Generated;

    public string? AppliesWhen => AppliesRule.Attribute(Variable);

    /// <summary>The data-applies-when attribute, or nothing: Razor writes data-* attributes even when null.</summary>
    public IHtmlContent AppliesAttribute => AppliesWhen is { } rule
        ? new HtmlString($" data-applies-when=\"{HtmlEncoder.Default.Encode(rule)}\"")
        : HtmlString.Empty;

    /// <summary>Whether the day after surgery is shown beside this date, and updated as it is typed.</summary>
    public bool ShowsPostOpDay => Options.SurgeryDate is not null || Options.SurgeryField is not null;

    public string PostOpDayId => "d-" + Variable.Name;

    /// <summary>The attributes postopday.js reads, or nothing.</summary>
    public IHtmlContent PostOpDayAttributes => !ShowsPostOpDay
        ? HtmlString.Empty
        : new HtmlString($" data-post-op-day=\"{PostOpDayId}\"" + (Options.SurgeryDate is { } surgery
            ? $" data-surgery-date=\"{surgery.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\""
            : $" data-surgery-field=\"{HtmlEncoder.Default.Encode(Options.SurgeryField!)}\""));

    public IEnumerable<FieldIssue> Errors => Issues.Where(i => i.IsError);

    public IEnumerable<FieldIssue> Warnings => Issues.Where(i => !i.IsError);

    public bool HasError => Issues.Any(i => i.IsError);

    /// <summary>The dictionary's help for clinicians (never its notes about exports, import or warnings), unless the page gives its own.</summary>
    public string? Help => (Options.Help ?? Variable.Help) is { Length: > 0 } text ? text : null;

    public IReadOnlyList<Choice> Choices => Options.Choices ?? Variable.Answers;

    public FieldControl Control => Variable.Type switch
    {
        VariableType.Integer or VariableType.Decimal => FieldControl.Number,
        VariableType.Date => FieldControl.Date,
        VariableType.Multi => FieldControl.Checkboxes,
        VariableType.YesNo => FieldControl.Radios,
        VariableType.Choice => Choices.Count <= RadioLimit ? FieldControl.Radios : FieldControl.Select,
        _ when Options.Choices is not null && !Options.ReadOnly => FieldControl.Select,
        _ => FieldControl.Text,
    };

    /// <summary>Whether the value can be cleared back to "not recorded": radios cannot be unticked by themselves.</summary>
    public bool Clearable => Control == FieldControl.Radios && !Options.ReadOnly;

    public string InputClass => HasError ? "form-control form-control-sm is-invalid" : "form-control form-control-sm";

    public int? MaxLength => TextRules.IsKeyLike(Variable) ? TextRules.MaxKeyLength : Variable.Type == VariableType.Text ? TextRules.MaxTextLength : null;

    public string ChoiceId(Choice choice) => Id + "-" + choice.Code;

    /// <summary>The column a choice of a multi-choice variable posts under.</summary>
    public static string ColumnOf(Variable variable, Choice choice) => variable.Name + Variable.MultiSeparator + choice.Code;
}
