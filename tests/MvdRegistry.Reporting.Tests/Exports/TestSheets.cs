using MvdRegistry.Core.Dictionary;
using MvdRegistry.Reporting.Export.Deidentified;

namespace MvdRegistry.Reporting.Tests.Exports;

/// <summary>The writers' tests' sheets: a text column named as it is labelled, and rows that arrive asynchronously, as from the pump.</summary>
internal static class TestSheets
{
    public static ExportColumn Column(string name) => new(name, name, ColumnTypes.Text, Array.Empty<Choice>(), "", "test", "nothing");

    public static async IAsyncEnumerable<object?[]> Rows(params object?[][] rows)
    {
        await Task.Yield();
        foreach (var row in rows) yield return row;
    }
}
