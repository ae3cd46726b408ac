using MvdRegistry.Core.Statistics.Snapshot;

namespace MvdRegistry.Reporting.Reports;

/// <summary>What the report covers: scope, filters, when, counts, how surgeons are named, and what each sheet holds.</summary>
public static class CoverSheet
{
    public const string Name = "Cover";

    public static readonly (string Sheet, string About)[] Contents =
    [
        (SummarySheet.Name, "Benefit at one year and risk of complications per indication, with 95% intervals"),
        (ComplicationsSheet.Name, "Each complication type: any, transient and permanent, with 95% intervals"),
        (BenefitRiskSheet.Name, "HFS: success at one year against permanent complications per stratum (LHH)"),
        (PredictorsSheet.Name, "HFS: logistic model of success at one year, with its warnings"),
        (SurvivalSheet.Name, "HFS: Kaplan-Meier tables and charts of time to resolution and to recurrence; log-rank test by LSR"),
        (SurgeonsSitesSheet.Name, "Permanent complications per surgeon and per site against the registry rate (funnel data and charts)"),
        (CompletenessSheet.Name, "One-year follow-up capture against the 80% target, and overdue follow-ups per site"),
        (DefinitionsSheet.Name, "The registry's outcome definitions (OUTCOMES.md)"),
    ];

    public static void Write(ReportSheet sheet, RegistrySnapshot snapshot, OutcomeReportScope scope)
    {
        var filter = scope.Filter;
        var population = snapshot.Population;
        var row = ReportSheet.GroupRow;
        sheet.Group(row++, 1, 2, "Scope");
        sheet.Text(row, 1, "Report");
        sheet.Text(row++, 2, scope.IsSiteReport
            ? $"Site report: the operations of site {scope.SiteLabel(filter.Sites[0])} only"
            : filter.Sites.Count == 0 ? "All sites of the registry" : "The operations of sites " + string.Join(", ", filter.Sites.Select(scope.SiteLabel)));
        sheet.Text(row, 1, "Indication");
        sheet.Text(row++, 2, ReportText.Indication(filter));
        sheet.Text(row, 1, "Surgery dates");
        sheet.Text(row++, 2, ReportText.SurgeryDates(scope.Filter));
        sheet.Text(row, 1, "Data as of");
        sheet.Date(row++, 2, scope.DataAsOf.DateTime, NumberFormat.DateTime);
        sheet.Text(row, 1, "Generated at");
        sheet.Date(row++, 2, scope.GeneratedAt.DateTime, NumberFormat.DateTime);
        sheet.Text(row, 1, "Completeness judged as of");
        sheet.Date(row++, 2, snapshot.Completeness.AsOf.ToDateTime(TimeOnly.MinValue), NumberFormat.Date);
        sheet.Text(row, 1, "Surgeons");
        sheet.Text(row++, 2, scope.Surgeons.ShowsRealCodes ? "Named by their registry codes (an administrator's report: do not circulate)"
            : scope.Surgeons.HidesPseudonyms ? "Not listed one by one: in a report of chosen sites a surgeon's row would tie a pseudonym to a site"
            : "Named by pseudonym (Surgeon A, B ...), the same letters as the statistics page");

        row++;
        sheet.Group(row++, 1, 2, "Counts");
        sheet.Text(row, 1, "Operations analysed");
        sheet.Count(row++, 2, population.Operations, bold: true);
        // HFS, TN, GPN, then any other.
        foreach (var (code, count) in population.ByIndication.OrderBy(i => Array.IndexOf(RegistryStatistics.BenefitIndications, i.Key) is var at and >= 0 ? at : int.MaxValue))
        {
            sheet.Text(row, 1, "   " + (code.Length == 0 ? "Indication not recorded" : ReportText.Indication(code)));
            sheet.Count(row++, 2, count);
        }
        sheet.Text(row, 1, "Operations left out (consent withdrawn)");
        sheet.Count(row++, 2, population.ExcludedWithdrawn);

        row++;
        sheet.Group(row++, 1, 2, "Sheets");
        foreach (var (name, about) in Contents)
        {
            sheet.Text(row, 1, name, bold: true);
            sheet.Text(row++, 2, about);
        }
        row++;
        sheet.Note(row, 1, "Every number comes from one statistics snapshot, the same the statistics page shows for these filters; " +
                           "intervals are two-sided 95% (Wilson for proportions).");
        sheet.Finish(freezeRows: 0);
    }
}
