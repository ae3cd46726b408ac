using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Statistics;
using MvdRegistry.Core.Statistics.Snapshot;

namespace MvdRegistry.Reporting.Reports;

/// <summary>
/// Each complication type's operations with any, transient and permanent complications, with 95% intervals:
/// all indications together first, then each indication (or the chosen one alone).
/// </summary>
public static class ComplicationsSheet
{
    public const string Name = "Complications";

    private static readonly string[] Groups = ["Any", "Transient", "Permanent"];

    public static void Write(ReportSheet sheet, RegistrySnapshot snapshot, OutcomeReportScope scope)
    {
        var keys = scope.Filter.Indication is { } chosen ? [chosen] : new[] { RegistryStatistics.AllIndications }.Concat(RegistryStatistics.BenefitIndications);
        var row = ReportSheet.GroupRow;
        foreach (var key in keys)
        {
            // Each table's first header names its operations: the first table's headers are the frozen rows.
            var table = snapshot.Complications[key];
            Header(sheet, row, $"{ReportText.Indication(key)}: {table.Any.Denominator:N0} operations");
            row = Rows(sheet, table, row + 2) + 1;
        }
        sheet.Note(row++, 1, "Operations with at least one complication of the type, over every operation of the indication. " +
                             "Transient: every such complication resolved. Permanent: unresolved with follow-up to day 180 or later, or death.");
        sheet.Note(row, 1, "The rest (resolution unknown, or too short a follow-up) is indeterminate and counts in \"Any\" only.");
        sheet.Finish();
    }

    private static void Header(ReportSheet sheet, int row, string first)
    {
        sheet.Headers(row + 1, 1, 1, first);
        var column = 2;
        foreach (var group in Groups)
        {
            sheet.Group(row, column, 4, group);
            sheet.Headers(row + 1, column, 0, "n", "%", "95% CI from", "to");
            column += 4;
        }
    }

    private static int Rows(ReportSheet sheet, ComplicationTable table, int row)
    {
        var rows = new List<(string Label, ComplicationCounts Counts, bool Strong)> { ("Any complication", table.Any, true) };
        // Every type met in the registry, zero counts included; the most frequent first (as the statistics page).
        rows.AddRange(table.ByType.OrderByDescending(t => t.Value.NAny).ThenBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => (ReportText.Choice(Forms.Complication, "complication_type", t.Key), t.Value, false)));
        foreach (var (label, counts, strong) in rows)
        {
            sheet.Text(row, 1, label, strong);
            var column = 2;
            foreach (var p in new[] { counts.Any, Proportion.Wilson(counts.NTransient, counts.Denominator), counts.Permanent })
            {
                sheet.Count(row, column, p.X, strong);
                column = sheet.Interval(row, column + 1, p.P, p.Lower, p.Upper, strong);
            }
            row++;
        }
        foreach (var (label, value) in new[] { ("Major (Clavien-Dindo IIIa or worse)", table.Major), ("Death within 30 days", table.Death30d) })
        {
            sheet.Text(row, 1, label, bold: true);
            sheet.Count(row, 2, value.X, bold: true);
            sheet.Interval(row, 3, value.P, value.Lower, value.Upper, bold: true);
            row++;
        }
        return row;
    }
}
