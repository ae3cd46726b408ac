namespace MvdRegistry.Core.Model;

/// <summary>One operation: the pre-operative assessment and the surgery (the dictionary's "case" form). Properties are the dictionary's variables, PascalCased.</summary>
public sealed class Operation : RegistryRecord
{
    public string CaseId { get; set; } = "";
    public string PatientId { get; set; } = "";
    public string? Indication { get; set; }
    public string? Side { get; set; }
    public string? Redo { get; set; }
    public int? SymptomDurationMonths { get; set; }
    public string? HfsOnset { get; set; }
    public string? HfsExtent { get; set; }
    public int? SmcGrade { get; set; }
    public int? CohenGradePreop { get; set; }
    public int? Hfs7Preop { get; set; }
    public string? SymEarClicking { get; set; }
    public string? SymHearingLoss { get; set; }
    public string? SymEarPain { get; set; }
    public string? SymVision { get; set; }
    public string? BotoxPrior { get; set; }
    public int? BotoxCycles { get; set; }
    public string? BotoxResponse { get; set; }
    public string? TnType { get; set; }
    /// <summary>Codes set to 1, joined by "|"; "" when every code is 0; null when not answered.</summary>
    public string? TnDivision { get; set; }
    public string? BniPainPreop { get; set; }
    public int? MedicationsCount { get; set; }
    public string? Hypertension { get; set; }
    public string? Diabetes { get; set; }
    public string? Anticoagulation { get; set; }
    public int? AsaClass { get; set; }
    public decimal? Bmi { get; set; }
    public int? HbGradePreop { get; set; }
    public decimal? PtaDbPreop { get; set; }
    public int? SdsPctPreop { get; set; }
    public string? LsrPreop { get; set; }
    public DateOnly? SurgeryDate { get; set; }
    public string? SurgeonCode { get; set; }
    public string? Approach { get; set; }
    public string? Visualization { get; set; }
    public string? BaepMonitored { get; set; }
    public string? BaepChange { get; set; }
    public string? LsrMonitored { get; set; }
    public string? LsrIntraop { get; set; }
    /// <summary>Codes set to 1, joined by "|"; "" when every code is 0; null when not answered.</summary>
    public string? VesselOp { get; set; }
    public string? VesselPrimary { get; set; }
    public string? ContactSiteOp { get; set; }
    public string? CompressionOp { get; set; }
    public string? Technique { get; set; }
    public string? Implant { get; set; }
    public int? DurationMin { get; set; }
    public int? BloodLossMl { get; set; }
    public string? DuralClosure { get; set; }
    public DateOnly? DischargeDate { get; set; }

    public Patient? Patient { get; set; }
    public List<ImagingStudy> Imaging { get; set; } = [];
    public List<FollowUp> FollowUps { get; set; } = [];
    public List<Complication> Complications { get; set; } = [];
}
