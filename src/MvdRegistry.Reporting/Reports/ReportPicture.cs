namespace MvdRegistry.Reporting.Reports;

/// <summary>A PNG to put on a sheet with its top left corner at a cell (1-based), shown at its own size in pixels.</summary>
/// <param name="Name">The picture's name in the workbook; <paramref name="Description"/> is its alternative text.</param>
public sealed record ReportPicture(string Sheet, int Row, int Column, byte[] Png, int Width, int Height, string Name, string Description);
