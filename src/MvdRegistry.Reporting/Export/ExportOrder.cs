using MvdRegistry.Reporting.Export.Deidentified;

namespace MvdRegistry.Reporting.Export;

public enum ExportKind
{
    /// <summary>The de-identified research dataset (researchers and administrators).</summary>
    Deidentified,

    /// <summary>The identified registry as the five import files (administrators only).</summary>
    Identified,
}

/// <summary>Who asks for an export, as the audit trail names them and as far as the identified bundle cares.</summary>
/// <param name="AuditName">"alice", "alice via job export #42", "admin via cli:root", or "cli:root".</param>
/// <param name="IsAdministrator">A registry Administrator: only they may have the identified bundle.</param>
public sealed record ExportRequester(string AuditName, bool IsAdministrator);

/// <summary>
/// One export as the command line and the export job ask for it. <paramref name="Output"/>: an .xlsx
/// file; for CSV a folder or a .zip file. The identified bundle takes no filter and no xlsx.
/// </summary>
public sealed record ExportOrder(ExportKind Kind, ExportFormat Format, string Output, ExportFilter Filter, ExportRequester Requester, long? RunId = null)
{
    public bool IsZip => Format == ExportFormat.Csv && Output.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);

    public static string KindName(ExportKind kind) => kind == ExportKind.Identified ? "identified" : "deidentified";
}
