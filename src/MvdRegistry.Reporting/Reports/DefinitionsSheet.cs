namespace MvdRegistry.Reporting.Reports;

/// <summary>The registry's outcome definitions, quoted from OUTCOMES.md section by section.</summary>
public static class DefinitionsSheet
{
    public const string Name = "Definitions";

    /// <summary>Characters of the definition column; longer text wraps.</summary>
    public const double DefinitionWidth = 110;

    public static void Write(ReportSheet sheet)
    {
        sheet.Headers(ReportSheet.HeaderRow, 1, 2, "Term", "Definition");
        var row = ReportSheet.FirstRow;
        var section = "";
        // The file's opening paragraph speaks of the file itself: the sheet starts at its first section.
        foreach (var entry in OutcomeDefinitions.All.Where(e => e.Section.Length > 0))
        {
            if (entry.Section != section)
            {
                section = entry.Section;
                if (row > ReportSheet.FirstRow) row++;
                sheet.Group(row++, 1, 2, section);
            }
            sheet.Text(row, 1, entry.Term, bold: true);
            sheet.Sheet.Cell(row, 2).SetValue(OutcomeDefinitions.WithoutEmphasis(entry.Text));
            sheet.Sheet.Cell(row, 1).Style.Alignment.Vertical = ClosedXML.Excel.XLAlignmentVerticalValues.Top;
            sheet.Sheet.Cell(row, 2).Style.Alignment.Vertical = ClosedXML.Excel.XLAlignmentVerticalValues.Top;
            row++;
        }
        sheet.Wrap(2, DefinitionWidth, ReportSheet.FirstRow, row);
        sheet.Finish();
    }
}
