using MvdRegistry.Core.Access;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;
using MvdRegistry.IntegrationTests.Infrastructure;
using MvdRegistry.Reporting.Demo;

namespace MvdRegistry.IntegrationTests.Entry;

/// <summary>
/// Two sites with an HFS operation each (C1 at HOU with a visit F1 and an imaging study I1, C2 at BCN), their surgeons, and the
/// sign-in users: surgeon.hou and a second HOU surgeon (nurse.hou), surgeon.bcn, researcher, admin.
/// </summary>
public static class EntryRecords
{
    public const string SecondHouSurgeon = "nurse.hou";

    public static readonly DateOnly Surgery = new(2025, 1, 10);

    public static Operation HfsOperation(string caseId, string patientId, string surgeon) => new()
    {
        CaseId = caseId, PatientId = patientId, Indication = "HFS", Side = "R", Redo = "no", SymptomDurationMonths = 24,
        HfsOnset = "typical", HfsExtent = "periocular", CohenGradePreop = 3, BotoxPrior = "no", SurgeryDate = Surgery,
        SurgeonCode = surgeon, Approach = "rs_infrafloccular", VesselOp = "AICA", VesselPrimary = "AICA",
        Technique = "interposition", DurationMin = 150, DischargeDate = Surgery.AddDays(3),
    };

    public static async Task SeedAsync(RegistryDbContext db)
    {
        db.Sites.AddRange(new Site { Code = "HOU", Name = "Houston" }, new Site { Code = "BCN", Name = "Barcelona" });
        db.Surgeons.AddRange(new Surgeon { Code = "HOU-S1" }, new Surgeon { Code = "BCN-S1" });
        var bcn = Records.Patient("P2");
        bcn.SiteCode = "BCN";
        bcn.Mrn = "BCN0000002";
        db.Patients.AddRange(Records.Patient("P1"), bcn);
        db.Operations.AddRange(HfsOperation("C1", "P1", "HOU-S1"), HfsOperation("C2", "P2", "BCN-S1"));
        db.FollowUps.Add(new FollowUp { FollowupId = "F1", CaseId = "C1", VisitDate = Surgery.AddDays(30), HfsStatus = "resolved" });
        // Answered "no vessel" (every code 0), as imports carry it: distinct from not recorded.
        db.Imaging.Add(new ImagingStudy
        {
            ImagingId = "I1", CaseId = "C1", ImagingDate = Surgery.AddDays(-60), Modality = "MRI", MriSequence = "T2_3D|TOF",
            NvcDetected = "uncertain", VesselImg = "", TumorExcluded = "yes",
        });
        await db.SaveChangesAsync();
        await DemoUsers.SeedAsync(db);
        db.Users.Add(new UserAccount
        {
            UserName = SecondHouSurgeon, DisplayName = "Research nurse at HOU", Roles = Roles.Surgeon, SurgeonCode = "HOU-S1",
            Sites = [new UserSite { SiteCode = "HOU" }],
        });
        await db.SaveChangesAsync();
    }
}
