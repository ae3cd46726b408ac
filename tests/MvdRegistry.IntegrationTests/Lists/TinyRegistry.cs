using MvdRegistry.Core.Model;
using MvdRegistry.Data;

namespace MvdRegistry.IntegrationTests.Lists;

/// <summary>
/// A few operations whose dates are set in days before today, for the follow-up schedule's edges.
/// Each operation gets its own patient (P + case id, MRN = site + case id).
/// </summary>
public sealed class TinyRegistry(DateOnly today)
{
    private readonly List<Patient> _patients = [];
    private readonly HashSet<string> _sites = [];
    private readonly HashSet<string> _surgeons = [];

    public TinyRegistry Operation(string caseId, string site, int operatedDaysAgo, string surgeon, int[]? visitDays = null,
        bool died = false, bool withdrawn = false, string indication = "HFS")
    {
        _sites.Add(site);
        _surgeons.Add(surgeon);
        var surgery = today.AddDays(-operatedDaysAgo);
        var operation = new Operation
        {
            CaseId = caseId, PatientId = "P" + caseId, Indication = indication, Side = "L", SurgeryDate = surgery, SurgeonCode = surgeon,
        };
        foreach (var day in visitDays ?? [])
            operation.FollowUps.Add(new FollowUp { FollowupId = $"F{caseId}-{day}", CaseId = caseId, VisitDate = surgery.AddDays(day) });
        if (died)
            operation.Complications.Add(new Complication
            {
                ComplicationId = "X" + caseId, CaseId = caseId, ComplicationType = "death", OnsetDate = surgery.AddDays(5),
                ClavienDindo = "V", Resolved = "no",
            });
        _patients.Add(new Patient
        {
            PatientId = "P" + caseId, SiteCode = site, Mrn = site + caseId, BirthDate = new DateOnly(1960, 1, 1), Sex = "F",
            ConsentStatus = withdrawn ? "withdrawn" : "consented", ConsentWithdrawnDate = withdrawn ? today : null,
            Operations = [operation],
        });
        return this;
    }

    public async Task SaveAsync(RegistryDbContext db)
    {
        foreach (var site in _sites) db.Sites.Add(new Site { Code = site, Name = site });
        foreach (var surgeon in _surgeons) db.Surgeons.Add(new Surgeon { Code = surgeon });
        db.Patients.AddRange(_patients);
        await db.SaveChangesAsync();
    }
}
