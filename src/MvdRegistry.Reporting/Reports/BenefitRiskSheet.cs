using MvdRegistry.Application.Statistics;
using MvdRegistry.Core.Statistics.Snapshot;

namespace MvdRegistry.Reporting.Reports;

/// <summary>
/// HFS benefit against harm per stratum (OUTCOMES.md, Statistics item 4): success at one year, any
/// permanent complication and LHH. Surgeon levels named and ordered as the pseudonym rules say.
/// </summary>
public static class BenefitRiskSheet
{
    public const string Name = "Benefit-risk";

    public static void Write(ReportSheet sheet, RegistrySnapshot snapshot, OutcomeReportScope scope)
    {
        sheet.Headers(ReportSheet.HeaderRow, 1, 2, "Stratum", "Level", "Operations");
        sheet.Group(ReportSheet.GroupRow, 4, 5, "Success at 1 year");
        sheet.Headers(ReportSheet.HeaderRow, 4, 0, ReportSheet.ProportionHeaders);
        sheet.Group(ReportSheet.GroupRow, 9, 5, "Any permanent complication");
        sheet.Headers(ReportSheet.HeaderRow, 9, 0, ReportSheet.ProportionHeaders);
        sheet.Headers(ReportSheet.HeaderRow, 14, 0, "LHH");

        var surgeons = scope.Surgeons;
        var row = ReportSheet.FirstRow;
        foreach (var group in StratumText.Groups(snapshot.Strata, surgeons))
        {
            var first = true;
            foreach (var stratum in group)
            {
                if (first) sheet.Text(row, 1, StratumText.Name(stratum.Stratum), bold: true);
                sheet.Text(row, 2, StratumText.Level(stratum, surgeons));
                sheet.Count(row, 3, stratum.Operations);
                sheet.Proportion(row, 4, stratum.Success1y);
                sheet.Proportion(row, 9, stratum.Permanent);
                sheet.Number(row, 14, stratum.Lhh, NumberFormat.Decimal2);
                row++;
                first = false;
            }
        }
        row++;
        sheet.Note(row++, 1, "HFS operations. LHH, the likelihood of being helped versus harmed: P(success at 1 year) / P(any permanent complication); empty when nobody was harmed.");
        if (surgeons.HidesPseudonyms)
            sheet.Note(row, 1, "Surgeons are not listed one by one: in a report of chosen sites their rows would tie pseudonyms to sites.");
        sheet.Finish();
    }
}
