using MvdRegistry.IntegrationTests.Infrastructure;

namespace MvdRegistry.IntegrationTests.Entry;

/// <summary>
/// The <see cref="Seed"/> the entry, saving and untrusted-values tests start from: two sites with an HFS
/// operation each (C1 of P1 at HOU with a visit F1 and an imaging study I1, C2 of P2 at BCN), their
/// surgeons, and the sign-in users: surgeon.hou and a second HOU surgeon (nurse.hou), surgeon.bcn,
/// researcher, admin.
/// </summary>
public static class EntryCases
{
    public const string SecondHouSurgeon = "nurse.hou";

    public static Seed Seed() => new Seed()
        .Site("HOU", "Houston").Site("BCN", "Barcelona")
        .Surgeon("HOU-S1").Surgeon("BCN-S1")
        .DemoUsers().SurgeonUser(SecondHouSurgeon, "Research nurse at HOU", "HOU-S1", "HOU")
        .Patient("P1", "HOU").Patient("P2", "BCN", mrn: "BCN0000002")
        .HfsOperation("C1", "P1", "HOU-S1").HfsOperation("C2", "P2", "BCN-S1")
        .Visit("F1", "C1", Infrastructure.Seed.Surgery.AddDays(30), v => v.HfsStatus = "resolved")
        // Answered "no vessel", as imports carry it: distinct from not recorded.
        .Imaging("I1", "C1", Infrastructure.Seed.Surgery.AddDays(-60), i =>
        {
            i.MriSequence = "T2_3D|TOF";
            i.NvcDetected = "uncertain";
            i.VesselImg = "";
            i.TumorExcluded = "yes";
        });
}
