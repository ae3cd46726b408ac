using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace MvdRegistry.Reporting.Reports;

/// <summary>
/// ClosedXML 0.95.4 writes the rows printed on every page as "Summary!3:4"; LibreOffice ignores that
/// form and wants the absolute "Summary!$3:$4", which Excel writes itself. Rewritten after saving.
/// </summary>
public static partial class PrintTitles
{
    public const string DefinedName = "_xlnm.Print_Titles";

    public static void MakeAbsolute(SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart?.Workbook;
        if (workbook?.DefinedNames is not { } names) return;
        foreach (var name in names.Elements<DefinedName>().Where(n => n.Name?.Value == DefinedName))
            name.Text = RelativeRows().Replace(name.Text, "!$$$1:$$$2");
        workbook.Save();
    }

    // "!3:4" at the end of a reference: rows 3 to 4.
    [GeneratedRegex(@"!(\d+):(\d+)$")]
    private static partial Regex RelativeRows();
}
