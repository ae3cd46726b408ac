using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using A = DocumentFormat.OpenXml.Drawing;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace MvdRegistry.Reporting.Reports;

/// <summary>
/// Puts PNG pictures into a workbook that ClosedXML has saved, through DocumentFormat.OpenXml 2.x:
/// ClosedXML 0.95.4's own AddPicture needs libgdiplus, which a machine with .NET alone lacks. Each
/// picture is an image part of its sheet's drawing, anchored at one cell and shown at its own size.
/// </summary>
public static class PictureInserter
{
    private const long EmuPerPixel = 9525;

    /// <param name="document">A workbook ClosedXML saved, open for editing.</param>
    public static void Insert(SpreadsheetDocument document, IEnumerable<ReportPicture> pictures)
    {
        var workbookPart = document.WorkbookPart ?? throw new InvalidOperationException("The workbook has no workbook part.");
        uint id = 1;
        foreach (var bySheet in pictures.GroupBy(p => p.Sheet))
        {
            var sheet = workbookPart.Workbook.Descendants<Sheet>().Single(s => s.Name == bySheet.Key);
            var worksheetPart = (WorksheetPart)workbookPart.GetPartById(sheet.Id!);
            var drawing = DrawingOf(worksheetPart);
            foreach (var picture in bySheet) Add(drawing, picture, id++);
            drawing.WorksheetDrawing.Save();
        }
    }

    private static DrawingsPart DrawingOf(WorksheetPart worksheetPart)
    {
        if (worksheetPart.DrawingsPart is { } existing) return existing;
        var part = worksheetPart.AddNewPart<DrawingsPart>();
        part.WorksheetDrawing = new Xdr.WorksheetDrawing();
        part.WorksheetDrawing.AddNamespaceDeclaration("xdr", "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing");
        part.WorksheetDrawing.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");

        // <drawing> has its place in the worksheet's sequence: before these, after everything else.
        var worksheet = worksheetPart.Worksheet;
        var reference = new Drawing { Id = worksheetPart.GetIdOfPart(part) };
        var next = worksheet.ChildElements.FirstOrDefault(e => e is LegacyDrawing or LegacyDrawingHeaderFooter or DrawingHeaderFooter
            or Picture or OleObjects or Controls or WebPublishItems or TableParts or WorksheetExtensionList);
        if (next is null) worksheet.Append(reference);
        else worksheet.InsertBefore(reference, next);
        worksheet.Save();
        return part;
    }

    private static void Add(DrawingsPart drawing, ReportPicture picture, uint id)
    {
        var image = drawing.AddImagePart(ImagePartType.Png);
        using (var png = new MemoryStream(picture.Png)) image.FeedData(png);
        var (cx, cy) = (picture.Width * EmuPerPixel, picture.Height * EmuPerPixel);

        drawing.WorksheetDrawing.Append(new Xdr.OneCellAnchor(
            new Xdr.FromMarker(
                new Xdr.ColumnId((picture.Column - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Xdr.ColumnOffset("0"),
                new Xdr.RowId((picture.Row - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Xdr.RowOffset("0")),
            new Xdr.Extent { Cx = cx, Cy = cy },
            new Xdr.Picture(
                new Xdr.NonVisualPictureProperties(
                    new Xdr.NonVisualDrawingProperties { Id = id, Name = picture.Name, Description = picture.Description },
                    new Xdr.NonVisualPictureDrawingProperties(new A.PictureLocks { NoChangeAspect = true })),
                new Xdr.BlipFill(
                    new A.Blip { Embed = drawing.GetIdOfPart(image) },
                    new A.Stretch(new A.FillRectangle())),
                new Xdr.ShapeProperties(
                    new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                    new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })),
            new Xdr.ClientData()));
    }
}
