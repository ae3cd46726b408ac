namespace MvdRegistry.Core.Model;

/// <summary>A complication of an operation (repeating). Properties are the dictionary's variables, PascalCased.</summary>
public sealed class Complication : RegistryRecord
{
    public string ComplicationId { get; set; } = "";
    public string CaseId { get; set; } = "";
    public string? ComplicationType { get; set; }
    public DateOnly? OnsetDate { get; set; }
    public string? ClavienDindo { get; set; }
    public int? HbGradeWorst { get; set; }
    public string? HearingLossDegree { get; set; }
    public string? Resolved { get; set; }
    public DateOnly? ResolutionDate { get; set; }
    public string? Reoperation { get; set; }

    public Operation? Operation { get; set; }
}
