namespace MvdRegistry.Core.Model;

/// <summary>A person in the registry; one or more operations hang beneath. Properties are the dictionary's variables, PascalCased.</summary>
public sealed class Patient : RegistryRecord
{
    public string PatientId { get; set; } = "";
    public string? SiteCode { get; set; }
    public string? Mrn { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string? Sex { get; set; }
    public string? Ethnicity { get; set; }
    public string? ConsentStatus { get; set; }
    public DateOnly? ConsentWithdrawnDate { get; set; }

    public List<Operation> Operations { get; set; } = [];
}
