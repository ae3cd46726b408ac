using MvdRegistry.Core.Model;
using MvdRegistry.Data;

namespace MvdRegistry.IntegrationTests.Infrastructure;

/// <summary>Small valid records for tests that need a row or two, not a whole bundle.</summary>
public static class Records
{
    public static Patient Patient(string id = "P1") => new()
    {
        PatientId = id, SiteCode = "HOU", Mrn = "HOU0000001", BirthDate = new DateOnly(1960, 5, 1),
        Sex = "F", ConsentStatus = "consented",
    };

    public static async Task<Patient> AddPatientAsync(RegistryDbContext db, string id = "P1")
    {
        if (await db.Sites.FindAsync("HOU") is null) db.Sites.Add(new Site { Code = "HOU", Name = "Houston" });
        var patient = Patient(id);
        db.Patients.Add(patient);
        await db.SaveChangesAsync();
        return patient;
    }
}
