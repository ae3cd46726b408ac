using MvdRegistry.Core.Outcomes;
using MvdRegistry.Core.Statistics.Snapshot;

namespace MvdRegistry.Reporting.Reports;

/// <summary>
/// Data completeness (OUTCOMES.md, Statistics item 9) overall and per site: the one-year capture rate
/// against the registry's 80% target, and the operations whose follow-up is overdue.
/// </summary>
public static class CompletenessSheet
{
    public const string Name = "Completeness";

    public static void Write(ReportSheet sheet, RegistrySnapshot snapshot, OutcomeReportScope scope)
    {
        var completeness = snapshot.Completeness;
        sheet.Headers(ReportSheet.HeaderRow, 1, 2, "Site", "Name", "Operations");
        sheet.Group(ReportSheet.GroupRow, 4, 5, "One-year capture");
        sheet.Headers(ReportSheet.HeaderRow, 4, 0, ReportSheet.ProportionHeaders);
        sheet.Headers(ReportSheet.HeaderRow, 9, 0, "Target", "Target met", "Overdue follow-ups");

        var row = ReportSheet.FirstRow;
        foreach (var site in completeness.Sites.Prepend(completeness.All))
        {
            var all = site == completeness.All;
            sheet.Text(row, 1, all ? "All" : site.Site, bold: all);
            if (!all) sheet.Text(row, 2, scope.SiteNames.GetValueOrDefault(site.Site));
            sheet.Count(row, 3, site.Operations, all);
            sheet.Proportion(row, 4, site.OneYearCapture, all);
            sheet.Percent(row, 9, OneYearVisit.CaptureTarget, all);
            var met = site.OneYearCapture.P is { } p ? p >= OneYearVisit.CaptureTarget : (bool?)null;
            sheet.Text(row, 10, met switch { true => "yes", false => "no", null => "no operation old enough" }, all)
                .Style.Alignment.Horizontal = ClosedXML.Excel.XLAlignmentHorizontalValues.Right;
            if (met == false) sheet.Fill(row, 4, 10, ReportSheet.AlertFill);
            sheet.Count(row, 11, site.Overdue, all);
            row++;
        }
        row++;
        sheet.Note(row++, 1, $"As of {ReportText.Date(completeness.AsOf)}. One-year capture: operations at least 540 days old with a visit in the one-year window (days 270–540), " +
                             "over all operations at least 540 days old.");
        sheet.Note(row, 1, "Overdue: the next visit target (days 30, 91, 182, 365, then yearly to day 1825) passed more than 30 days ago. " +
                           "Operations with a recorded death are never overdue.");
        sheet.Finish();
    }
}
