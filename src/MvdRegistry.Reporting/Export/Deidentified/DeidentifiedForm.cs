using System.Linq.Expressions;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Outcomes;
using MvdRegistry.Core.Records;

namespace MvdRegistry.Reporting.Export.Deidentified;

/// <summary>
/// What a row needs beside its own record: its operation's surgery date, the patient's birth date, the operation's last follow-up day;
/// and an operation's patient's site, which only the analysis sheet reads (<see cref="AnalysisSpill"/>).
/// </summary>
public readonly record struct RowContext(DateOnly? Surgery, DateOnly? BirthDate = null, int? LastFuDay = null, string? Site = null);

/// <summary>
/// One dictionary form as a de-identified sheet, driven by the dictionary's <c>identifier</c> column
/// (HIPAA Safe Harbor): <c>remove</c> leaves the variable out; <c>pseudonymise</c> replaces it with
/// this export's pseudonym; <c>shift</c> replaces a date with days from the operation's surgery
/// (<c>surgery_date</c> itself, the origin, with its year only); <c>no</c> copies it. A date marked
/// <c>no</c>, or an unknown rule, stops the export: no calendar date may leave by a dictionary edit.
/// The form's derived variables of OUTCOMES.md follow the dictionary's columns.
/// </summary>
public sealed class DeidentifiedForm
{
    public const string Remove = "remove";
    public const string Pseudonymise = "pseudonymise";
    public const string Shift = "shift";
    public const string Keep = "no";

    private readonly Func<RegistryRecord, RowContext, Pseudonyms, object?>[] _values;

    private DeidentifiedForm(string form, string sheet, List<(ExportColumn Column, Func<RegistryRecord, RowContext, Pseudonyms, object?> Value)> columns)
    {
        Form = form;
        Sheet = sheet;
        Columns = columns.Select(c => c.Column).ToArray();
        _values = columns.Select(c => c.Value).ToArray();
    }

    public string Form { get; }

    /// <summary>The sheet (xlsx) or file stem (CSV).</summary>
    public string Sheet { get; }

    public IReadOnlyList<ExportColumn> Columns { get; }

    public object?[] Row(RegistryRecord record, RowContext context, Pseudonyms pseudonyms)
    {
        var row = new object?[_values.Length];
        for (var i = 0; i < row.Length; i++) row[i] = _values[i](record, context, pseudonyms);
        return row;
    }

    public static string SheetName(string form) => form switch
    {
        Forms.Patient => "patients",
        Forms.Case => "operations",
        Forms.Imaging => "imaging",
        Forms.FollowUp => "followups",
        Forms.Complication => "complications",
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, "unknown form"),
    };

    /// <summary>The column a shifted date becomes: <c>surgery_date</c> → <c>surgery_year</c>, any other <c>x_date</c> → <c>x_day</c>.</summary>
    public static string ShiftedName(Variable variable) =>
        IsOrigin(variable) ? "surgery_year"
        : variable.Name.EndsWith("_date", StringComparison.Ordinal) ? variable.Name[..^"_date".Length] + "_day"
        : variable.Name + "_day";

    /// <summary>The kind a pseudonymised value is keyed by: the form whose key it is, else the variable (surgeon_code).</summary>
    public static string PseudonymKind(Variable variable) =>
        Forms.All.FirstOrDefault(f => Forms.KeyColumn(f) == variable.Name) ?? variable.Name;

    public static DeidentifiedForm Of(string form, DataDictionary dictionary)
    {
        var columns = new List<(ExportColumn, Func<RegistryRecord, RowContext, Pseudonyms, object?>)>();
        foreach (var variable in dictionary.Form(form))
        {
            var v = variable;
            // Compiled on first use: a variable left out (remove), or refused, needs no property.
            Func<RegistryRecord, object?>? getter = null;
            object? get(RegistryRecord r) => (getter ??= Getter(v))(r);
            switch (v.Identifier)
            {
                case Remove:
                    break;
                case Pseudonymise:
                    var kind = PseudonymKind(v);
                    columns.Add((new ExportColumn(v.Name, v.Label, ColumnTypes.Pseudonym, [], "", 
                        $"{Source(v)}, replaced by a pseudonym: HMAC-SHA-256 keyed by the registry's secret over this export's random salt; the same {v.Name} has the same pseudonym in every sheet of this export and another in the next export",
                        Empty(v)),
                        (r, _, p) => get(r) is string s && s.Length > 0 ? p.Of(kind, s) : null));
                    break;
                case Shift when v.Type != VariableType.Date:
                    throw new InvalidOperationException($"the data dictionary marks {v.Form}.{v.Name} 'shift' but it is not a date");
                case Shift when IsOrigin(v):
                    columns.Add((new ExportColumn(ShiftedName(v), "Year of surgery", ColumnTypes.Integer, [], "year",
                        $"{Source(v)}: its year only (HIPAA Safe Harbor keeps no date element but the year)", Empty(v)),
                        (r, _, _) => (get(r) as DateOnly?)?.Year));
                    break;
                case Shift:
                    columns.Add((new ExportColumn(ShiftedName(v), v.Label + ", days from surgery", ColumnTypes.Integer, [], "days",
                        $"{Source(v)} as day({v.Name}) of OUTCOMES.md: calendar days from the operation's surgery_date (surgery day 0, negative before surgery)",
                        "no date recorded" + (Empty(v) is { } e && e.StartsWith("does not apply", StringComparison.Ordinal) ? ", or " + e : "")),
                        (r, c, _) => OutcomeDerivation.DaysBetween(c.Surgery, get(r) as DateOnly?)));
                    break;
                case Keep when v.Type == VariableType.Date:
                    throw new InvalidOperationException($"the data dictionary lets the date {v.Form}.{v.Name} through ('no'): a date must be 'remove' or 'shift'");
                case Keep when v.Type == VariableType.Multi:
                    foreach (var choice in v.Choices)
                    {
                        var code = choice.Code;
                        columns.Add((new ExportColumn(v.Name + Variable.MultiSeparator + code, $"{v.Label}: {choice.Label}", ColumnTypes.Binary,
                            [new Choice("1", "Ticked"), new Choice("0", "Not ticked")], "", Source(v) + $", code {code}",
                            "the question was not answered (all of its columns empty)" + (v.AppliesWhen == "all" ? "" : $", or it does not apply (applies when {v.AppliesWhen})")),
                            (r, _, _) => get(r) is string s ? (Codes.MultiHas(s, code) ? 1 : 0) : null));
                    }
                    break;
                case Keep:
                    columns.Add((new ExportColumn(v.Name, v.Label, TypeOf(v), CodesOf(v), UnitOf(v.Label), Source(v), Empty(v)),
                        (r, _, _) => get(r)));
                    break;
                default:
                    throw new InvalidOperationException($"the data dictionary gives {v.Form}.{v.Name} the unknown identifier rule '{v.Identifier}'");
            }
        }
        columns.AddRange(Derived(form));
        return new DeidentifiedForm(form, SheetName(form), columns);
    }

    /// <summary>The form's derived variables (OUTCOMES.md): what replaces the birth date, and the per-row classes.</summary>
    private static IEnumerable<(ExportColumn, Func<RegistryRecord, RowContext, Pseudonyms, object?>)> Derived(string form)
    {
        switch (form)
        {
            case Forms.Case:
                yield return (AnalysisColumns.AgeAtSurgery, (r, c, _) => AnalysisColumns.CappedAge(c.BirthDate, ((Operation)r).SurgeryDate));
                break;
            case Forms.FollowUp:
                yield return (new ExportColumn("gr_class", "Gardner-Robertson hearing class at this visit", ColumnTypes.Code, AnalysisColumns.GrClasses, "",
                    "OUTCOMES.md, derived variables: gr_class, from pta_db and sds_pct", "pta_db or sds_pct not recorded"),
                    (r, _, _) => GardnerRobertson.Classify(((FollowUp)r).PtaDb, ((FollowUp)r).SdsPct));
                break;
            case Forms.Complication:
                yield return (new ExportColumn("complication_class", "Transient, permanent or indeterminate", ColumnTypes.Code,
                    [new Choice("transient", "Transient"), new Choice("permanent", "Permanent"), new Choice("indeterminate", "Indeterminate")], "",
                    "OUTCOMES.md, Complications: transient when resolved = yes; permanent when resolved = no and the operation's last_fu_day >= 180, and every death; indeterminate otherwise",
                    "never empty"),
                    (r, c, _) => ComplicationClassifier.Classify((Complication)r, c.LastFuDay).ToString().ToLowerInvariant());
                break;
        }
    }

    /// <summary>
    /// The variable's value of a record, as <see cref="FieldAccess.Get"/> reads it (boxed; null for no value),
    /// compiled once per column: reflection and a dictionary look-up per cell cost seconds over a million rows.
    /// </summary>
    private static Func<RegistryRecord, object?> Getter(Variable v)
    {
        var type = FieldAccess.EntityType(v.Form);
        var property = type.GetProperty(v.PropertyName) ?? throw new InvalidOperationException($"{type.Name} has no property {v.PropertyName} for {v.Form}.{v.Name}");
        var record = Expression.Parameter(typeof(RegistryRecord), "record");
        var value = Expression.Convert(Expression.Property(Expression.Convert(record, type), property), typeof(object));
        return Expression.Lambda<Func<RegistryRecord, object?>>(value, record).Compile();
    }

    private static bool IsOrigin(Variable v) => v.Form == Forms.Case && v.Name == "surgery_date";

    private static string Source(Variable v) => $"data dictionary {v.Form}.{v.Name}";

    private static string TypeOf(Variable v) => v.Type switch
    {
        VariableType.Integer => ColumnTypes.Integer,
        VariableType.Decimal => ColumnTypes.Decimal,
        VariableType.Choice or VariableType.YesNo => ColumnTypes.Code,
        _ => ColumnTypes.Text,
    };

    private static IReadOnlyList<Choice> CodesOf(Variable v) => v.Type switch
    {
        VariableType.YesNo or VariableType.Choice => v.Answers,
        _ => [],
    };

    /// <summary>The unit a label names in its closing parentheses: "(months)", "(dB HL)", "(%)".</summary>
    public static string UnitOf(string label)
    {
        if (!label.EndsWith(')')) return "";
        var open = label.LastIndexOf('(');
        return open < 0 ? "" : label[(open + 1)..^1];
    }

    private static string Empty(Variable v) => v.Required switch
    {
        Requirement.Yes => "never empty (required)",
        Requirement.Applies => $"does not apply (applies when {v.AppliesWhen})",
        _ when v.AppliesWhen != "all" => $"not recorded, or does not apply (applies when {v.AppliesWhen})",
        _ => "not recorded",
    };
}
