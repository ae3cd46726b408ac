namespace MvdRegistry.Core.Model;

/// <summary>A pre-operative imaging study of an operation (repeating). Properties are the dictionary's variables, PascalCased.</summary>
public sealed class ImagingStudy : RegistryRecord
{
    public string ImagingId { get; set; } = "";
    public string CaseId { get; set; } = "";
    public DateOnly? ImagingDate { get; set; }
    public string? Modality { get; set; }
    /// <summary>Codes set to 1, joined by "|"; "" when every code is 0; null when not answered.</summary>
    public string? MriSequence { get; set; }
    public string? NvcDetected { get; set; }
    /// <summary>Codes set to 1, joined by "|"; "" when every code is 0; null when not answered.</summary>
    public string? VesselImg { get; set; }
    public string? ContactSiteImg { get; set; }
    public string? CompressionImg { get; set; }
    public string? TumorExcluded { get; set; }
    public string? Vbd { get; set; }
    public string? Reader { get; set; }

    public Operation? Operation { get; set; }
}
