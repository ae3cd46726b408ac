using MvdRegistry.Core.Statistics;
using MvdRegistry.Core.Statistics.Snapshot;
using MvdRegistry.Reporting.Charts;

namespace MvdRegistry.Reporting.Reports;

/// <summary>
/// The Kaplan-Meier curves of HFS (OUTCOMES.md, Statistics items 5 and 6): each curve's table of event
/// times side by side, a summary of both with their medians, the log-rank test by LSR, and the three
/// charts of the statistics page.
/// </summary>
public static class SurvivalSheet
{
    public const string Name = "Survival";

    private static readonly string[] TableHeaders = ["Day", "At risk", "Events", "Survival", "Std error", "95% CI from", "to"];

    /// <summary>The time-to-resolution table, the recurrence-free table, then the summary, each after an empty column.</summary>
    public const int ResolutionColumn = 1, RecurrenceColumn = 9, SummaryColumn = 17;

    public static void Write(ReportSheet sheet, RegistrySnapshot snapshot)
    {
        var km = snapshot.KaplanMeier;
        var curves = new (string Label, KaplanMeierResult Curve, int Column)[]
        {
            ("Time to resolution", km.TimeToResolution, ResolutionColumn),
            ("Recurrence-free time", km.RecurrenceFree, RecurrenceColumn),
        };
        var lastRow = ReportSheet.FirstRow;
        foreach (var (label, curve, column) in curves)
        {
            sheet.Group(ReportSheet.GroupRow, column, TableHeaders.Length, label);
            sheet.Headers(ReportSheet.HeaderRow, column, 0, TableHeaders);
            var row = ReportSheet.FirstRow;
            foreach (var step in curve.Table)
            {
                sheet.Number(row, column, step.Time, NumberFormat.Days(step.Time));
                sheet.Count(row, column + 1, step.NRisk);
                sheet.Count(row, column + 2, step.NEvent);
                sheet.Percent(row, column + 3, step.Surv);
                sheet.Number(row, column + 4, step.StdErr, NumberFormat.Decimal4);
                sheet.Percent(row, column + 5, step.Lower);
                sheet.Percent(row, column + 6, step.Upper);
                row++;
            }
            if (curve.Table.Count == 0) sheet.Note(row++, column, "No event.");
            lastRow = Math.Max(lastRow, row);
        }

        var next = Summary(sheet, curves.Select(c => (c.Label, c.Curve)).ToArray());
        next = LogRank(sheet, snapshot.LogrankLsr, next + 1);
        sheet.Note(lastRow + 1, ResolutionColumn, "HFS operations. Time to resolution: operations with a follow-up; recurrence-free time: operations ever resolved. " +
                                                  "Days after surgery; survival is the share without the event, with its log-scale 95% interval.");

        var charts = new[]
        {
            KaplanMeierChart.TimeToResolution(km.TimeToResolution),
            KaplanMeierChart.RecurrenceFree(km.RecurrenceFree),
            LsrCurvesChart.Build(snapshot.LogrankLsr),
        };
        var chartRow = next + 1;
        foreach (var chart in charts.OfType<ChartImage>())
        {
            sheet.Picture(chartRow, SummaryColumn, chart.ToPng(), chart.Width, chart.Height, chart.Title, chart.Description);
            chartRow += RowsFor(chart.Height) + 1;
        }
        sheet.Finish();
    }

    /// <summary>Rows of the default height (20 pixels) a picture covers.</summary>
    public static int RowsFor(int pixels) => (pixels + 19) / 20;

    private static int Summary(ReportSheet sheet, (string Label, KaplanMeierResult Curve)[] curves)
    {
        var column = SummaryColumn;
        sheet.Group(ReportSheet.GroupRow, column, 6, "Medians");
        sheet.Headers(ReportSheet.HeaderRow, column, 1, "Curve", "Operations", "Events", "Median (days)", "95% CI from (days)", "to (days)");
        var row = ReportSheet.FirstRow;
        foreach (var (label, curve) in curves)
        {
            sheet.Text(row, column, label);
            sheet.Count(row, column + 1, curve.N);
            sheet.Count(row, column + 2, curve.Events);
            sheet.Number(row, column + 3, curve.Median, NumberFormat.Days(curve.Median ?? 0));
            sheet.Number(row, column + 4, curve.MedianLower, NumberFormat.Days(curve.MedianLower ?? 0));
            sheet.Number(row, column + 5, curve.MedianUpper, NumberFormat.Days(curve.MedianUpper ?? 0));
            row++;
        }
        sheet.Note(row++, column, "An empty median or bound: its curve never gets down to 50%.");
        return row;
    }

    private static int LogRank(ReportSheet sheet, LogRankSection test, int row)
    {
        var column = SummaryColumn;
        sheet.Group(row++, column, 6, "Log-rank test: time to resolution by LSR");
        sheet.Headers(row++, column, 1, "Group", "Operations", "Resolved", "Expected");
        for (var i = 0; i < test.Groups.Count; i++)
        {
            sheet.Text(row, column, test.Groups[i] switch
            {
                "lsr_disappeared=1" => "LSR disappeared",
                "lsr_disappeared=0" => "LSR persisted",
                var other => other,
            });
            sheet.Count(row, column + 1, test.N[i]);
            sheet.Count(row, column + 2, test.Observed[i]);
            sheet.Number(row, column + 3, test.Expected[i], NumberFormat.Decimal2);
            row++;
        }
        sheet.Text(row, column, "Chi-square (1 df)");
        sheet.Number(row++, column + 1, test.ChiSquare, NumberFormat.Decimal3);
        sheet.Text(row, column, "p");
        sheet.Number(row++, column + 1, test.P, NumberFormat.PValue);
        return row;
    }
}
