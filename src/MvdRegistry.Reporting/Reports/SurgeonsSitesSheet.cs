using MvdRegistry.Core.Statistics.Snapshot;
using MvdRegistry.Reporting.Charts;

namespace MvdRegistry.Reporting.Reports;

/// <summary>
/// Permanent complications per surgeon and per site against the registry rate p0 (OUTCOMES.md, Statistics
/// item 8): the funnel plots' data, surgeons then sites, and the two funnel charts of the statistics page
/// beside them. Surgeons are named, ordered and left out as <see cref="Application.Statistics.SurgeonNames"/> says.
/// </summary>
public static class SurgeonsSitesSheet
{
    public const string Name = "Surgeons and sites";

    /// <summary>The tables' columns: name, then <see cref="Headers"/>; the charts start after an empty column.</summary>
    public const int ChartColumn = 13;

    private static readonly string[] Headers = ["Operations", "Permanent", "Rate", "95% CI from", "to", "95% limits from", "to", "99.8% limits from", "to", "Above limits"];

    public static void Write(ReportSheet sheet, RegistrySnapshot snapshot, OutcomeReportScope scope)
    {
        var funnel = snapshot.Funnel;
        var surgeons = scope.Surgeons;
        var surgeonRows = surgeons.Order(funnel.Surgeon, r => r.Code).ToList();
        var row = Table(sheet, ReportSheet.GroupRow, "Surgeons", "Surgeon", surgeonRows, r => surgeons.Name(r.Code));
        if (surgeons.HidesPseudonyms && surgeonRows.Count == 0)
            sheet.Note(row - 1, 1, "Not listed one by one: in a report of chosen sites their rows would tie pseudonyms to sites.");
        row = Table(sheet, row + 1, "Sites", "Site", funnel.Site, r => r.Code);

        row++;
        sheet.Text(row, 1, "Registry rate (p0)", bold: true);
        sheet.Percent(row++, 4, funnel.P0, bold: true);
        row++;
        sheet.Note(row++, 1, "Operations with at least one permanent complication (all indications), against the rate of all the report's operations, p0,");
        sheet.Note(row++, 1, "and its 95% and 99.8% control limits at each one's number of operations (the funnel plots' data).");
        sheet.Note(row, 1, surgeons.ShowsRealCodes ? "Surgeons are named by their registry codes: this is an administrator's report."
            : surgeons.HidesPseudonyms ? "Surgeons are not listed one by one: in a report of chosen sites their rows would tie pseudonyms to sites."
            : "Surgeons are named by pseudonym, the same letters as the statistics page.");

        var charts = new[]
        {
            FunnelChart.Build(funnel.P0, surgeonRows, r => surgeons.Name(r.Code), "surgeon"),
            FunnelChart.Build(funnel.P0, funnel.Site, r => r.Code, "site"),
        };
        var chartRow = ReportSheet.GroupRow;
        foreach (var chart in charts.OfType<ChartImage>())
        {
            sheet.Picture(chartRow, ChartColumn, chart.ToPng(), chart.Width, chart.Height, chart.Title, chart.Description);
            chartRow += SurvivalSheet.RowsFor(chart.Height) + 1;
        }
        sheet.Finish();
    }

    /// <returns>The row after the table.</returns>
    private static int Table(ReportSheet sheet, int row, string title, string unit, IReadOnlyList<FunnelRow> rows, Func<FunnelRow, string> name)
    {
        sheet.Group(row, 1, Headers.Length + 1, title);
        sheet.Headers(row + 1, 1, 1, [unit, .. Headers]);
        row += 2;
        foreach (var funnelRow in rows)
        {
            sheet.Text(row, 1, name(funnelRow));
            sheet.Count(row, 2, funnelRow.Operations);
            sheet.Count(row, 3, funnelRow.Permanent);
            sheet.Interval(row, 4, funnelRow.Rate, funnelRow.Lower, funnelRow.Upper);
            sheet.Percent(row, 7, funnelRow.Limit95Lower);
            sheet.Percent(row, 8, funnelRow.Limit95Upper);
            sheet.Percent(row, 9, funnelRow.Limit998Lower);
            sheet.Percent(row, 10, funnelRow.Limit998Upper);
            var above998 = funnelRow.Rate > funnelRow.Limit998Upper;
            if (above998 || funnelRow.Rate > funnelRow.Limit95Upper)
            {
                sheet.Text(row, 11, above998 ? "above 99.8%" : "above 95%", bold: true)
                    .Style.Alignment.Horizontal = ClosedXML.Excel.XLAlignmentHorizontalValues.Right;
                sheet.Fill(row, 1, 11, above998 ? ReportSheet.AlertFill : ReportSheet.WarningFill);
            }
            row++;
        }
        if (rows.Count == 0) row++;
        return row;
    }
}
