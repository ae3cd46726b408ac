using MvdRegistry.Core.Outcomes;
using MvdRegistry.Core.Statistics;
using MvdRegistry.Core.Statistics.Snapshot;

namespace MvdRegistry.Reporting.Reports;

/// <summary>
/// Benefit and risk per indication (and the risks of all indications together), one measure a row with
/// its count, denominator, percentage and 95% interval: the table a committee reads first.
/// </summary>
public static class SummarySheet
{
    public const string Name = "Summary";

    public const string Success = "Success at 1 year";
    public const string Missing = "No 1-year status (missing)";
    public const string AnyComplication = "Any complication";
    public const string AnyPermanent = "Any permanent complication";
    public const string Major = "Major complication (Clavien-Dindo IIIa+)";
    public const string Death30d = "Death within 30 days";

    public static void Write(ReportSheet sheet, RegistrySnapshot snapshot, OutcomeReportScope scope)
    {
        sheet.Headers(ReportSheet.HeaderRow, 1, 2, ["Indication", "Measure", .. ReportSheet.ProportionHeaders]);
        var row = ReportSheet.FirstRow;
        foreach (var indication in Indications(scope))
        {
            var benefit = snapshot.Benefit[indication];
            var measures = new List<(string, Proportion?)> { (Success, benefit.Success1y) };
            if (indication == Codes.Hfs)
            {
                measures.Add(("Complete resolution at 1 year", benefit.Complete1y));
                measures.Add(("Immediate resolution (first visit by day 7)", benefit.ImmediateResolution));
                measures.Add(("Delayed resolution (not immediate, resolved later)", benefit.DelayedResolution));
                measures.Add(("Recurrence after resolution", benefit.Recurrence));
            }
            row = Group(sheet, row, indication, benefit.Operations, measures, snapshot.Complications[indication], benefit.Missing1y);
        }
        if (scope.Filter.Indication is null)
        {
            var all = snapshot.Complications[RegistryStatistics.AllIndications];
            row = Group(sheet, row, RegistryStatistics.AllIndications, all.Any.Denominator, [], all, missing: null);
        }

        sheet.Note(row++, 1, "Success at 1 year: HFS resolved or near-complete, TN/GPN BNI I–IIIb, at the visit closest to day 365 within days 270–540; " +
                             "operations without that visit have no 1-year status and are not counted as failures.");
        sheet.Note(row++, 1, "Risks are over every operation of the indication. Permanent: unresolved with follow-up to day 180 or later, or death. " +
                             "Intervals: Wilson 95%.");
        if (scope.Filter.Indication is null)
            sheet.Note(row, 1, $"\"{ReportText.Indication(RegistryStatistics.AllIndications)}\" includes the operations of other indications.");
        sheet.Finish();
    }

    /// <summary>The indications whose benefit is shown: the chosen one, or HFS, TN and GPN (as the statistics page).</summary>
    public static IReadOnlyList<string> Indications(OutcomeReportScope scope) =>
        scope.Filter.Indication is { } chosen ? [chosen] : RegistryStatistics.BenefitIndications;

    private static int Group(ReportSheet sheet, int row, string indication, int operations,
        IEnumerable<(string Label, Proportion? Value)> benefit, ComplicationTable risk, int? missing)
    {
        sheet.Text(row, 1, $"{ReportText.Indication(indication)} ({operations:N0} operations)", bold: true);
        var rows = benefit.ToList();
        var risks = new (string, Proportion?)[] { (AnyComplication, risk.Any.Any), (AnyPermanent, risk.Any.Permanent), (Major, risk.Major), (Death30d, risk.Death30d) };
        foreach (var (label, value) in rows)
        {
            if (value is null) continue;
            sheet.Text(row, 2, label, bold: label == Success);
            sheet.Proportion(row++, 3, value, bold: label == Success);
            if (label == Success && missing is { } m)
            {
                sheet.Text(row, 2, Missing);
                sheet.Count(row, 3, m);
                sheet.Count(row++, 4, operations);
            }
        }
        foreach (var (label, value) in risks)
        {
            sheet.Text(row, 2, label, bold: label == AnyPermanent);
            sheet.Proportion(row++, 3, value!, bold: label == AnyPermanent);
        }
        return row + 1;
    }
}
