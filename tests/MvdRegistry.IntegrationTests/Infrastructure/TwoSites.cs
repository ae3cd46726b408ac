using MvdRegistry.Core.Model;
using MvdRegistry.Data.Auditing;
using MvdRegistry.Reporting.Demo;

namespace MvdRegistry.IntegrationTests.Infrastructure;

/// <summary>
/// Two sites, Houston (the signed-in surgeon's own) and Barcelona (another), each with one patient and
/// one valid HFS operation with an imaging study, a follow-up visit and a complication; their surgeon
/// codes; and the demo sign-in users (surgeon.hou, surgeon.bcn, researcher, admin).
/// </summary>
public static class TwoSites
{
    public const string Own = "HOU";
    public const string Other = "BCN";

    public static string PatientId(string site) => $"P-{site}";
    public static string CaseId(string site) => $"C-{site}";
    public static string ImagingId(string site) => $"I-{site}";
    public static string FollowupId(string site) => $"F-{site}";
    public static string ComplicationId(string site) => $"X-{site}";
    public static string Mrn(string site) => $"{site}0000001";

    public const string BirthDate = "1960-05-01";
    public const string SurgeryDate = "2024-03-05";

    /// <summary>Seeds both sites; <paramref name="createdAt"/> backdates the records (a clock for the audit interceptor).</summary>
    public static async Task SeedAsync(TestDatabase database, DateTimeOffset? createdAt = null)
    {
        var clock = createdAt is { } at ? new FixedClock(at) : null;
        await using var db = database.NewContext(new FixedUser("seed"), clock);
        foreach (var site in new[] { Own, Other })
        {
            db.Sites.Add(new Site { Code = site, Name = site });
            db.Surgeons.Add(new Surgeon { Code = $"{site}-01" });
            db.Patients.Add(Patient(site));
            db.Operations.Add(Operation(site));
            db.Imaging.Add(new ImagingStudy
            {
                ImagingId = ImagingId(site), CaseId = CaseId(site), ImagingDate = new DateOnly(2024, 2, 1), Modality = "MRI",
                MriSequence = "T2_3D|TOF", NvcDetected = "yes", VesselImg = "AICA", TumorExcluded = "yes",
            });
            db.FollowUps.Add(new FollowUp
            {
                FollowupId = FollowupId(site), CaseId = CaseId(site), VisitDate = new DateOnly(2024, 4, 5), ContactMode = "clinic", HfsStatus = "resolved",
            });
            db.Complications.Add(new Complication
            {
                ComplicationId = ComplicationId(site), CaseId = CaseId(site), ComplicationType = "facial_palsy", OnsetDate = new DateOnly(2024, 3, 6),
                ClavienDindo = "I", HbGradeWorst = 3, Resolved = "yes", ResolutionDate = new DateOnly(2024, 5, 1),
            });
        }
        await db.SaveChangesAsync();
        await DemoUsers.SeedAsync(db);
    }

    private static Patient Patient(string site) => new()
    {
        PatientId = PatientId(site), SiteCode = site, Mrn = Mrn(site), BirthDate = DateOnly.Parse(BirthDate),
        Sex = "F", ConsentStatus = "consented",
    };

    private static Operation Operation(string site) => new()
    {
        CaseId = CaseId(site), PatientId = PatientId(site), Indication = "HFS", Side = "L", Redo = "no", SymptomDurationMonths = 48,
        HfsOnset = "typical", HfsExtent = "lower_face", CohenGradePreop = 3, BotoxPrior = "yes", BotoxCycles = 6,
        SurgeryDate = DateOnly.Parse(SurgeryDate), SurgeonCode = $"{site}-01", Approach = "rs_infrafloccular",
        VesselOp = "AICA", VesselPrimary = "AICA", Technique = "interposition", DurationMin = 150, DischargeDate = new DateOnly(2024, 3, 8),
    };
}
