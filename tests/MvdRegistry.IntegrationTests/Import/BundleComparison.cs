using System.Globalization;
using MvdRegistry.Core.Dictionary;
using Sylvan.Data.Csv;

namespace MvdRegistry.IntegrationTests.Import;

/// <summary>Compares two bundle files row by row (by key) and value by value; decimals by value.</summary>
public static class BundleComparison
{
    public static void AssertSameRows(string expectedFile, string actualFile)
    {
        var expected = Load(expectedFile);
        var actual = Load(actualFile);
        Assert.Equal(expected.Header.Order(), actual.Header.Order());
        Assert.Equal(expected.Rows.Keys.Order(), actual.Rows.Keys.Order());
        var decimals = DataDictionary.Instance.Variables.Where(v => v.Type == VariableType.Decimal).Select(v => v.Name).ToHashSet();
        foreach (var (key, row) in expected.Rows)
        {
            foreach (var (column, value) in row)
            {
                var other = actual.Rows[key][column];
                var same = decimals.Contains(column) && value.Length > 0 && other.Length > 0
                    ? decimal.Parse(value, CultureInfo.InvariantCulture) == decimal.Parse(other, CultureInfo.InvariantCulture)
                    : value == other;
                Assert.True(same, $"{Path.GetFileName(expectedFile)} {key} {column}: expected '{value}', exported '{other}'");
            }
        }
    }

    private static (string[] Header, Dictionary<string, Dictionary<string, string>> Rows) Load(string file)
    {
        using var csv = CsvDataReader.Create(file);
        var header = Enumerable.Range(0, csv.FieldCount).Select(csv.GetName).ToArray();
        var rows = new Dictionary<string, Dictionary<string, string>>();
        while (csv.Read())
            rows[csv.GetString(0)] = header.Select((h, i) => (h, v: csv.GetString(i))).ToDictionary(p => p.h, p => p.v);
        return (header, rows);
    }
}
