using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MvdRegistry.Core.Tests.Statistics;

/// <summary>
/// Compares computed JSON with a reference (expected.json) the way reference/README.md asks: every
/// key of the reference must be present (the output may hold more); lists of objects are matched by
/// their natural key, plain lists by position; counts exactly, other numbers to a relative
/// tolerance, an expected 0 to an absolute 1e-12; null only by null.
/// </summary>
public static class JsonReferenceComparer
{
    private static readonly string[][] NaturalKeys = [["stratum", "level"], ["code"], ["term"], ["time"]];

    public const double ZeroTolerance = 1e-12;

    /// <summary>The reference README's tolerances: 1e-5 for Kaplan-Meier errors and intervals and for the logistic model, else 1e-6.</summary>
    public static double RegistryTolerance(string path)
    {
        if (path.StartsWith("logistic", StringComparison.Ordinal)) return 1e-5;
        var leaf = path[(path.LastIndexOf('.') + 1)..];
        return path.StartsWith("kaplan_meier", StringComparison.Ordinal) && leaf is "std_err" or "lower" or "upper" ? 1e-5 : 1e-6;
    }

    /// <returns>One line per difference; empty when the output matches.</returns>
    public static IReadOnlyList<string> Compare(JsonNode? expected, JsonNode? actual, Func<string, double>? tolerance = null)
    {
        var differences = new List<string>();
        Compare(expected, actual, "", tolerance ?? RegistryTolerance, differences);
        return differences;
    }

    private static void Compare(JsonNode? expected, JsonNode? actual, string path, Func<string, double> tolerance, List<string> differences)
    {
        switch (expected)
        {
            case null:
                if (actual is not null) differences.Add($"{path}: expected null, got {actual.ToJsonString()}");
                return;
            case JsonObject expectedObject when actual is JsonObject actualObject:
                foreach (var (key, value) in expectedObject)
                {
                    var child = path.Length == 0 ? key : $"{path}.{key}";
                    if (!actualObject.ContainsKey(key)) differences.Add($"{child}: missing");
                    else Compare(value, actualObject[key], child, tolerance, differences);
                }
                return;
            case JsonArray expectedArray when actual is JsonArray actualArray:
                CompareArrays(expectedArray, actualArray, path, tolerance, differences);
                return;
            case JsonValue expectedValue when actual is JsonValue actualValue:
                CompareValues(expectedValue, actualValue, path, tolerance(path), differences);
                return;
            default:
                differences.Add($"{path}: expected {expected.ToJsonString()}, got {actual?.ToJsonString() ?? "null"}");
                return;
        }
    }

    private static void CompareArrays(JsonArray expected, JsonArray actual, string path, Func<string, double> tolerance, List<string> differences)
    {
        if (expected.Count != actual.Count)
            differences.Add($"{path}: expected {expected.Count} items, got {actual.Count}");
        var keyFields = expected.FirstOrDefault() is JsonObject first ? NaturalKeys.FirstOrDefault(k => k.All(first.ContainsKey)) : null;
        if (keyFields is null)
        {
            for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
                Compare(expected[i], actual[i], $"{path}[{i}]", tolerance, differences);
            return;
        }

        var actualByKey = new Dictionary<string, JsonNode?>();
        foreach (var item in actual)
            if (item is JsonObject o) actualByKey.TryAdd(KeyOf(o, keyFields), o);
        foreach (var item in expected)
        {
            var key = KeyOf(item!.AsObject(), keyFields);
            if (actualByKey.TryGetValue(key, out var match)) Compare(item, match, $"{path}[{key}]", tolerance, differences);
            else differences.Add($"{path}[{key}]: missing");
        }
    }

    // Numbers in keys are compared by value, so that time 6 and time 6.0 are the same row.
    private static string KeyOf(JsonObject item, string[] fields) =>
        string.Join(",", fields.Select(f => item[f] is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            ? $"{f}={v.GetValue<double>().ToString("R", CultureInfo.InvariantCulture)}"
            : $"{f}={item[f]?.ToJsonString()}"));

    private static void CompareValues(JsonValue expected, JsonValue actual, string path, double relativeTolerance, List<string> differences)
    {
        var expectedText = expected.ToJsonString();
        var actualText = actual.ToJsonString();
        if (expected.GetValueKind() != JsonValueKind.Number || actual.GetValueKind() != JsonValueKind.Number)
        {
            if (expectedText != actualText) differences.Add($"{path}: expected {expectedText}, got {actualText}");
            return;
        }

        // A count is an integer on both sides and must match exactly. R prints doubles to 15
        // significant digits, so a ratio such as 6.000000000000001 appears there as 6: an integer
        // literal on one side only is compared with the tolerance.
        if (IsIntegerLiteral(expectedText) && IsIntegerLiteral(actualText))
        {
            if (decimal.Parse(expectedText, CultureInfo.InvariantCulture) != decimal.Parse(actualText, CultureInfo.InvariantCulture))
                differences.Add($"{path}: expected count {expectedText}, got {actualText}");
            return;
        }

        var e = expected.GetValue<double>();
        var a = actual.GetValue<double>();
        var close = e == 0 ? Math.Abs(a) <= ZeroTolerance : Math.Abs(a - e) <= relativeTolerance * Math.Abs(e);
        if (!close) differences.Add($"{path}: expected {expectedText}, got {actualText} (relative tolerance {relativeTolerance})");
    }

    private static bool IsIntegerLiteral(string number) => number.All(c => char.IsAsciiDigit(c) || c == '-');
}
