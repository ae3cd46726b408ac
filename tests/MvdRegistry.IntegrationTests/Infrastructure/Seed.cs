using MvdRegistry.Core.Access;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;
using MvdRegistry.Data.Auditing;

namespace MvdRegistry.IntegrationTests.Infrastructure;

/// <summary>
/// The integration tests' one way to write test data: a fluent description of sites, surgeons and
/// sign-in users, then the patients, operations, imaging studies, visits and complications each test
/// needs, saved in one unit of work by <see cref="SaveAsync(TestDatabase, ICurrentUser?, TimeProvider?)"/>.
/// Defaults are valid values; a test names only what it is about through the <c>with</c> callbacks.
/// </summary>
/// <param name="today">The day <see cref="Case"/> counts its days back from (the follow-up schedule's edges).</param>
public sealed class Seed(DateOnly? today = null)
{
    private readonly List<Site> _sites = [];
    private readonly List<Surgeon> _surgeons = [];
    private readonly List<Patient> _patients = [];
    private readonly List<Operation> _operations = [];
    private readonly List<object> _children = [];
    private readonly List<UserAccount> _users = [];
    private bool _demoUsers;

    /// <summary>The operation date of <see cref="HfsOperation"/> unless a test sets another.</summary>
    public static readonly DateOnly Surgery = new(2025, 1, 10);

    public Seed Site(string code, string? name = null)
    {
        if (_sites.All(s => s.Code != code)) _sites.Add(new Site { Code = code, Name = name ?? code });
        return this;
    }

    public Seed Surgeon(string code)
    {
        if (_surgeons.All(s => s.Code != code)) _surgeons.Add(new Surgeon { Code = code });
        return this;
    }

    /// <summary>The demo sign-in users: surgeon.hou, surgeon.bcn, researcher, admin (saved after the records).</summary>
    public Seed DemoUsers()
    {
        _demoUsers = true;
        return this;
    }

    /// <summary>A surgeon who signs in for <paramref name="site"/> as <paramref name="surgeonCode"/>.</summary>
    public Seed SurgeonUser(string userName, string displayName, string surgeonCode, string site)
    {
        _users.Add(new UserAccount
        {
            UserName = userName, DisplayName = displayName, Roles = Roles.Surgeon, SurgeonCode = surgeonCode,
            Sites = [new UserSite { SiteCode = site }],
        });
        return this;
    }

    /// <summary>A consented woman born 1960-05-01, MRN <paramref name="site"/>0000001 unless given, not yet saved.</summary>
    public static Patient NewPatient(string id = "P1", string site = "HOU", string? mrn = null) => new()
    {
        PatientId = id, SiteCode = site, Mrn = mrn ?? $"{site}0000001", BirthDate = new DateOnly(1960, 5, 1),
        Sex = "F", ConsentStatus = "consented",
    };

    /// <summary>A <see cref="NewPatient"/> of a site already described.</summary>
    public Seed Patient(string id, string site, string? mrn = null, Action<Patient>? with = null)
    {
        var patient = NewPatient(id, site, mrn);
        with?.Invoke(patient);
        _patients.Add(patient);
        return this;
    }

    /// <summary>
    /// A left-sided operation <paramref name="operatedDaysAgo"/> days before today, with its own patient
    /// (P + case id, MRN site + case id, born 1960-01-01) and, when new, its site and surgeon; the visits
    /// on the given days after surgery; <paramref name="died"/> adds a fatal complication on day 5;
    /// <paramref name="withdrawn"/> withdraws the patient's consent today.
    /// </summary>
    public Seed Case(string caseId, string site, int operatedDaysAgo, string surgeon, int[]? visitDays = null,
        bool died = false, bool withdrawn = false, string indication = "HFS")
    {
        var day = today ?? throw new InvalidOperationException("a Seed with cases counts from a day: new Seed(today)");
        Site(site).Surgeon(surgeon);
        var surgery = day.AddDays(-operatedDaysAgo);
        var operation = new Operation
        {
            CaseId = caseId, PatientId = "P" + caseId, Indication = indication, Side = "L", SurgeryDate = surgery, SurgeonCode = surgeon,
        };
        foreach (var visit in visitDays ?? [])
            operation.FollowUps.Add(new FollowUp { FollowupId = $"F{caseId}-{visit}", CaseId = caseId, VisitDate = surgery.AddDays(visit) });
        if (died)
            operation.Complications.Add(new Complication
            {
                ComplicationId = "X" + caseId, CaseId = caseId, ComplicationType = "death", OnsetDate = surgery.AddDays(5),
                ClavienDindo = "V", Resolved = "no",
            });
        return Patient("P" + caseId, site, site + caseId, p =>
        {
            p.BirthDate = new DateOnly(1960, 1, 1);
            p.ConsentStatus = withdrawn ? "withdrawn" : "consented";
            p.ConsentWithdrawnDate = withdrawn ? day : null;
            p.Operations = [operation];
        });
    }

    /// <summary>A complete, valid right-sided HFS operation on <see cref="Surgery"/>, discharged three days later.</summary>
    public Seed HfsOperation(string caseId, string patientId, string surgeon, Action<Operation>? with = null)
    {
        var operation = new Operation
        {
            CaseId = caseId, PatientId = patientId, Indication = "HFS", Side = "R", Redo = "no", SymptomDurationMonths = 24,
            HfsOnset = "typical", HfsExtent = "periocular", CohenGradePreop = 3, BotoxPrior = "no", SurgeryDate = Surgery,
            SurgeonCode = surgeon, Approach = "rs_infrafloccular", VesselOp = "AICA", VesselPrimary = "AICA",
            Technique = "interposition", DurationMin = 150, DischargeDate = Surgery.AddDays(3),
        };
        with?.Invoke(operation);
        _operations.Add(operation);
        return this;
    }

    public Seed Visit(string id, string caseId, DateOnly date, Action<FollowUp>? with = null) =>
        Child(new FollowUp { FollowupId = id, CaseId = caseId, VisitDate = date }, with);

    public Seed Imaging(string id, string caseId, DateOnly date, Action<ImagingStudy>? with = null) =>
        Child(new ImagingStudy { ImagingId = id, CaseId = caseId, ImagingDate = date, Modality = "MRI" }, with);

    public Seed Complication(string id, string caseId, string type, DateOnly onset, Action<Complication>? with = null) =>
        Child(new Complication { ComplicationId = id, CaseId = caseId, ComplicationType = type, OnsetDate = onset }, with);

    private Seed Child<T>(T child, Action<T>? with) where T : class
    {
        with?.Invoke(child);
        _children.Add(child);
        return this;
    }

    /// <summary>Saves the records on a context audited as <paramref name="user"/> ("test" unless given) at <paramref name="clock"/>'s time.</summary>
    public async Task SaveAsync(TestDatabase database, ICurrentUser? user = null, TimeProvider? clock = null)
    {
        await using var db = database.NewContext(user, clock);
        await SaveAsync(db);
    }

    public async Task SaveAsync(RegistryDbContext db)
    {
        db.Sites.AddRange(_sites);
        db.Surgeons.AddRange(_surgeons);
        db.Patients.AddRange(_patients);
        db.Operations.AddRange(_operations);
        db.AddRange(_children);
        await db.SaveChangesAsync();
        if (_demoUsers) await Reporting.Demo.DemoUsers.SeedAsync(db);
        db.Users.AddRange(_users);
        await db.SaveChangesAsync();
    }
}
