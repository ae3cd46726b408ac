using MvdRegistry.Data.Auditing;

namespace MvdRegistry.IntegrationTests.Infrastructure;

/// <summary>
/// The <see cref="Seed"/> most web and API tests start from: two sites, Houston (the signed-in surgeon's own) and Barcelona (another), each with one patient and
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

    /// <summary>Both sites as a <see cref="Seed"/>, for a test to add to.</summary>
    public static Seed AsSeed()
    {
        var seed = new Seed().DemoUsers();
        foreach (var site in new[] { Own, Other })
            seed.Site(site).Surgeon($"{site}-01")
                .Patient(PatientId(site), site, Mrn(site))
                .HfsOperation(CaseId(site), PatientId(site), $"{site}-01", o =>
                {
                    o.Side = "L";
                    o.SymptomDurationMonths = 48;
                    o.HfsExtent = "lower_face";
                    o.BotoxPrior = "yes";
                    o.BotoxCycles = 6;
                    o.SurgeryDate = DateOnly.Parse(SurgeryDate);
                    o.DischargeDate = new DateOnly(2024, 3, 8);
                })
                .Imaging(ImagingId(site), CaseId(site), new DateOnly(2024, 2, 1), i =>
                {
                    i.MriSequence = "T2_3D|TOF";
                    i.NvcDetected = "yes";
                    i.VesselImg = "AICA";
                    i.TumorExcluded = "yes";
                })
                .Visit(FollowupId(site), CaseId(site), new DateOnly(2024, 4, 5), v =>
                {
                    v.ContactMode = "clinic";
                    v.HfsStatus = "resolved";
                })
                .Complication(ComplicationId(site), CaseId(site), "facial_palsy", new DateOnly(2024, 3, 6), c =>
                {
                    c.ClavienDindo = "I";
                    c.HbGradeWorst = 3;
                    c.Resolved = "yes";
                    c.ResolutionDate = new DateOnly(2024, 5, 1);
                });
        return seed;
    }

    /// <summary>Seeds both sites as the user "seed"; <paramref name="createdAt"/> backdates the records (a clock for the audit interceptor).</summary>
    public static Task SeedAsync(TestDatabase database, DateTimeOffset? createdAt = null) =>
        database.SeedAsync(AsSeed(), new FixedUser("seed"), createdAt is { } at ? new FixedClock(at) : null);
}
