namespace MvdRegistry.Core.Model;

/// <summary>A follow-up visit after an operation (repeating). Properties are the dictionary's variables, PascalCased.</summary>
public sealed class FollowUp : RegistryRecord
{
    public string FollowupId { get; set; } = "";
    public string CaseId { get; set; } = "";
    public DateOnly? VisitDate { get; set; }
    public string? ContactMode { get; set; }
    public string? HfsStatus { get; set; }
    public int? CohenGrade { get; set; }
    public int? Hfs7 { get; set; }
    public string? BniPain { get; set; }
    public string? BniNumbness { get; set; }
    public int? HbGrade { get; set; }
    public decimal? PtaDb { get; set; }
    public int? SdsPct { get; set; }
    public string? BotoxSinceSurgery { get; set; }
    public string? ReoperationSince { get; set; }

    public Operation? Operation { get; set; }
}
