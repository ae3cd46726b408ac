using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using MvdRegistry.Core.Statistics.Snapshot;

namespace MvdRegistry.Reporting.Reports;

/// <summary>
/// The outcome report a department sends to its quality committee: an Excel workbook of one statistics
/// snapshot (so its numbers are the statistics page's), made with ClosedXML, with the charts put in
/// through OpenXml after ClosedXML has saved. Needs neither libgdiplus nor System.Drawing.
/// </summary>
public static class OutcomeReport
{
    public static readonly string[] SheetNames =
    [
        CoverSheet.Name, SummarySheet.Name, ComplicationsSheet.Name, BenefitRiskSheet.Name, PredictorsSheet.Name,
        SurvivalSheet.Name, SurgeonsSitesSheet.Name, CompletenessSheet.Name, DefinitionsSheet.Name,
    ];

    /// <summary>Writes the workbook to <paramref name="output"/>.</summary>
    public static void Write(RegistrySnapshot snapshot, OutcomeReportScope scope, Stream output)
    {
        var pictures = new List<ReportPicture>();
        using var buffer = new MemoryStream();
        using (var workbook = new XLWorkbook())
        {
            var scopeLine = ReportText.ScopeLine(scope);
            ReportSheet Sheet(string name, string title) => new(workbook, name, title, scopeLine, pictures);

            CoverSheet.Write(Sheet(CoverSheet.Name, scope.Title), snapshot, scope);
            SummarySheet.Write(Sheet(SummarySheet.Name, "Benefit and risk"), snapshot, scope);
            ComplicationsSheet.Write(Sheet(ComplicationsSheet.Name, "Complications"), snapshot, scope);
            BenefitRiskSheet.Write(Sheet(BenefitRiskSheet.Name, "Benefit-risk by stratum (HFS)"), snapshot, scope);
            PredictorsSheet.Write(Sheet(PredictorsSheet.Name, "Predictors of success at one year (HFS, logistic regression)"), snapshot);
            SurvivalSheet.Write(Sheet(SurvivalSheet.Name, "Time to resolution and to recurrence (HFS, Kaplan-Meier)"), snapshot);
            SurgeonsSitesSheet.Write(Sheet(SurgeonsSitesSheet.Name, "Permanent complications by surgeon and site"), snapshot, scope);
            CompletenessSheet.Write(Sheet(CompletenessSheet.Name, "Data completeness"), snapshot, scope);
            DefinitionsSheet.Write(Sheet(DefinitionsSheet.Name, "Definitions (OUTCOMES.md)"));
            workbook.Worksheet(CoverSheet.Name).SetTabActive();
            workbook.SaveAs(buffer);
        }
        using (var document = SpreadsheetDocument.Open(buffer, isEditable: true))
        {
            PictureInserter.Insert(document, pictures);
            PrintTitles.MakeAbsolute(document);
        }
        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    /// <summary>
    /// Writes the workbook to a temporary file beside <paramref name="path"/> and moves it into place,
    /// so that the path never holds half a report (a failed write leaves the earlier file, if any).
    /// </summary>
    public static void WriteFile(RegistrySnapshot snapshot, OutcomeReportScope scope, string path)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
                Write(snapshot, scope, stream);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
