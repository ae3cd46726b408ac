using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;

namespace MvdRegistry.Core.Records;

/// <summary>
/// Turns a record's raw column values (as in the bundle files, the web form and the API) into an
/// entity, checking type, code and range of each field, and back again.
/// </summary>
public static partial class RecordCodec
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    // The dictionary's ranges, each parsed once (they were parsed again for every value checked).
    private static readonly ConcurrentDictionary<string, decimal> Bounds = new();
    private static readonly ConcurrentDictionary<string, DateOnly> DateBounds = new();
    private static readonly Func<string, decimal> ParseBound = text => decimal.Parse(text, Inv);
    private static readonly Func<string, DateOnly> ParseDateBound = text => DateOnly.ParseExact(text, "yyyy-MM-dd", Inv);

    /// <summary>
    /// Sets every variable of <paramref name="form"/> on <paramref name="target"/> from
    /// <paramref name="row"/> (column name to raw text; a missing column counts as empty).
    /// Returns the field problems; a field with a problem is left empty.
    /// </summary>
    public static List<FieldIssue> Read(string form, IReadOnlyDictionary<string, string?> row, RegistryRecord target, DateOnly today)
    {
        var issues = new List<FieldIssue>();
        foreach (var variable in DataDictionary.Instance.Form(form))
        {
            object? value = variable.Type == VariableType.Multi
                ? ReadMulti(variable, row, issues)
                : ReadSingle(variable, Raw(row, variable.Name), today, issues);
            FieldAccess.Set(target, variable, value);
        }
        return issues;
    }

    public static T Read<T>(string form, IReadOnlyDictionary<string, string?> row, DateOnly today, out List<FieldIssue> issues)
        where T : RegistryRecord, new()
    {
        var record = new T();
        issues = Read(form, row, record, today);
        return record;
    }

    /// <summary>The record's values as file columns; empty string for not recorded.</summary>
    public static Dictionary<string, string> Write(RegistryRecord record)
    {
        var form = FieldAccess.FormOf(record);
        var row = new Dictionary<string, string>();
        foreach (var variable in DataDictionary.Instance.Form(form))
        {
            var value = FieldAccess.Get(record, variable);
            if (variable.Type == VariableType.Multi)
            {
                var set = value is string s ? s.Split('|', StringSplitOptions.RemoveEmptyEntries) : null;
                foreach (var choice in variable.Choices)
                {
                    row[variable.Name + Variable.MultiSeparator + choice.Code] = set is null ? "" : set.Contains(choice.Code) ? "1" : "0";
                }
            }
            else
            {
                row[variable.Name] = Format(value);
            }
        }
        return row;
    }

    public static string Format(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", Inv),
        decimal m => m.ToString("0.############################", Inv),
        int i => i.ToString(Inv),
        _ => value.ToString() ?? "",
    };

    /// <summary>The column's value as given, untrimmed, so that a control character at either end is still seen.</summary>
    private static string Raw(IReadOnlyDictionary<string, string?> row, string column) =>
        row.TryGetValue(column, out var v) && v is not null ? v : "";

    private static object? ReadSingle(Variable v, string given, DateOnly today, List<FieldIssue> issues)
    {
        if (TextRules.ForbiddenCharacter(given) is { } forbidden) return Fail(issues, v, forbidden);
        var raw = given.Trim();
        if (raw.Length == 0) return null;
        switch (v.Type)
        {
            case VariableType.Id or VariableType.Text when TextRules.IsKeyLike(v):
                return TextRules.IsKey(raw) ? raw
                    : Fail(issues, v, $"'{TextRules.Show(raw)}' is not a valid {(v.Type == VariableType.Id ? "key" : "code")}: {TextRules.KeyRule}");
            case VariableType.Text:
                if (raw.Length > TextRules.MaxTextLength) return Fail(issues, v, $"is longer than {TextRules.MaxTextLength} characters");
                return TextRules.StartsLikeFormula(raw) ? Fail(issues, v, $"'{TextRules.Show(raw)}' begins with {raw[0]}: {TextRules.FormulaRule}") : raw;
            case VariableType.Choice:
                return v.HasCode(raw) ? raw : Fail(issues, v, $"'{TextRules.Show(raw)}' is not one of the choices ({string.Join(", ", v.Choices.Select(c => c.Code))})");
            case VariableType.YesNo:
                return raw is "yes" or "no" or "unknown" ? raw : Fail(issues, v, $"'{TextRules.Show(raw)}' is not yes, no or unknown");
            case VariableType.Integer or VariableType.Decimal when raw.Contains(','):
                return Fail(issues, v, $"'{TextRules.Show(raw)}' has a comma: write a decimal with a point (26.4), and no thousands separator");
            case VariableType.Integer:
                if (!decimal.TryParse(raw, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, Inv, out var whole) || whole != decimal.Truncate(whole) || Math.Abs(whole) > int.MaxValue)
                    return Fail(issues, v, $"'{TextRules.Show(raw)}' is not a whole number");
                return InRange(v, (int)whole, whole, issues);
            case VariableType.Decimal:
                if (!decimal.TryParse(raw, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, Inv, out var number))
                    return Fail(issues, v, $"'{TextRules.Show(raw)}' is not a number");
                return InRange(v, number, number, issues);
            case VariableType.Date:
                if (!IsoDate().IsMatch(raw) || !DateOnly.TryParseExact(raw, "yyyy-MM-dd", Inv, DateTimeStyles.None, out var date))
                    return Fail(issues, v, $"'{TextRules.Show(raw)}' is not a date (yyyy-MM-dd)");
                return DateInRange(v, date, today, issues);
            default:
                throw new InvalidOperationException($"unexpected type {v.Type}");
        }
    }

    private static object? ReadMulti(Variable v, IReadOnlyDictionary<string, string?> row, List<FieldIssue> issues)
    {
        var set = new List<string>();
        var empty = 0;
        foreach (var choice in v.Choices)
        {
            var column = v.Name + Variable.MultiSeparator + choice.Code;
            var given = Raw(row, column);
            if (TextRules.ForbiddenCharacter(given) is { } forbidden)
            {
                issues.Add(new FieldIssue(column, forbidden));
                return null;
            }
            switch (given.Trim())
            {
                case "": empty++; break;
                case "1": set.Add(choice.Code); break;
                case "0": break;
                case var other:
                    issues.Add(new FieldIssue(column, $"'{TextRules.Show(other)}' is not 1 or 0"));
                    return null;
            }
        }
        if (empty == v.Choices.Count) return null;
        if (empty > 0)
        {
            issues.Add(new FieldIssue(v.Columns[0], "answer every choice with 1 or 0, or leave them all empty"));
            return null;
        }
        return string.Join('|', set);
    }

    private static object? InRange<T>(Variable v, T value, decimal number, List<FieldIssue> issues)
    {
        if (v.Min.Length > 0 && number < Bounds.GetOrAdd(v.Min, ParseBound))
            return Fail(issues, v, $"{Format(number)} is below the minimum {v.Min}");
        if (v.Max.Length > 0 && number > Bounds.GetOrAdd(v.Max, ParseBound))
            return Fail(issues, v, $"{Format(number)} is above the maximum {v.Max}");
        return value;
    }

    private static object? DateInRange(Variable v, DateOnly date, DateOnly today, List<FieldIssue> issues)
    {
        DateOnly? Bound(string text) => text switch { "" => null, "today" => today, _ => DateBounds.GetOrAdd(text, ParseDateBound) };
        if (Bound(v.Min) is { } min && date < min)
            return Fail(issues, v, $"{date:yyyy-MM-dd} is before {v.Min}");
        if (Bound(v.Max) is { } max && date > max)
            return Fail(issues, v, v.Max == "today" ? $"{date:yyyy-MM-dd} is in the future" : $"{date:yyyy-MM-dd} is after {v.Max}");
        return date;
    }

    private static object? Fail(List<FieldIssue> issues, Variable v, string message)
    {
        issues.Add(new FieldIssue(v.Name, message));
        return null;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDate();
}
