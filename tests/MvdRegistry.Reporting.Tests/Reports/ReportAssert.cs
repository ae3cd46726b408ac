using System.Text.Json.Nodes;

namespace MvdRegistry.Reporting.Tests.Reports;

/// <summary>Comparisons of numbers read back from a workbook with R's expected.json and with the snapshot.</summary>
public static class ReportAssert
{
    /// <summary>R's value (the reference README's tolerances: 1e-6, 1e-5 for the logistic model and Kaplan-Meier errors; relative), or empty for null.</summary>
    public static void R(JsonNode? expected, double? actual, string what, double tolerance = 1e-5)
    {
        if (expected is null)
        {
            Assert.True(actual is null, $"{what}: expected an empty cell, got {actual}");
            return;
        }
        var value = expected.GetValue<double>();
        Assert.True(actual is not null, $"{what}: expected {value}, got an empty cell");
        var allowed = value == 0 ? 1e-12 : tolerance * Math.Abs(value);
        Assert.True(Math.Abs(actual!.Value - value) <= allowed, $"{what}: expected {value} (R), got {actual}");
    }

    /// <summary>A proportion's five cells (x, n, p, lower, upper) from <paramref name="column"/> on equal R's.</summary>
    public static void Proportion(WorkbookFile file, string sheet, int row, int column, JsonNode expected, string what)
    {
        R(expected["x"], file.Number(sheet, row, column), what + " x");
        R(expected["n"], file.Number(sheet, row, column + 1), what + " n");
        R(expected["p"], file.Number(sheet, row, column + 2), what + " p");
        R(expected["lower"], file.Number(sheet, row, column + 3), what + " lower");
        R(expected["upper"], file.Number(sheet, row, column + 4), what + " upper");
    }
}
