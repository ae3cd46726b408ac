using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Model;

namespace MvdRegistry.Data;

/// <summary>
/// The five queries of <see cref="RegistryLoader.LoadForStatisticsAsync"/>: only the columns the statistics
/// read, untracked, projected straight into the records. Never an MRN.
/// </summary>
public sealed record StatisticsQueries(
    IQueryable<Operation> Operations,
    IQueryable<Patient> Patients,
    IQueryable<ImagingStudy> Imaging,
    IQueryable<FollowUp> FollowUps,
    IQueryable<Complication> Complications)
{
    /// <param name="chosen">The operations to load (with their patients and children), filtered in the database; all when null.</param>
    public static StatisticsQueries Of(RegistryDbContext db, IQueryable<Operation>? chosen = null)
    {
        var operations = chosen ?? db.Operations;
        // Unfiltered, every row is wanted: the semi-joins would only cost time.
        IQueryable<T> Kept<T>(IQueryable<T> rows, Expression<Func<T, bool>> keep) => chosen is null ? rows : rows.Where(keep);

        return new StatisticsQueries(
            operations.AsNoTracking().Select(o => new Operation
            {
                CaseId = o.CaseId, PatientId = o.PatientId, Indication = o.Indication, Side = o.Side, Redo = o.Redo,
                SymptomDurationMonths = o.SymptomDurationMonths, BotoxPrior = o.BotoxPrior, SurgeryDate = o.SurgeryDate,
                SurgeonCode = o.SurgeonCode, LsrIntraop = o.LsrIntraop, VesselOp = o.VesselOp, VesselPrimary = o.VesselPrimary,
                DischargeDate = o.DischargeDate, PtaDbPreop = o.PtaDbPreop, SdsPctPreop = o.SdsPctPreop,
            }),
            Kept(db.Patients.AsNoTracking(), p => operations.Any(o => o.PatientId == p.PatientId)).Select(p => new Patient
            {
                PatientId = p.PatientId, SiteCode = p.SiteCode, BirthDate = p.BirthDate, Sex = p.Sex, ConsentStatus = p.ConsentStatus,
            }),
            Kept(db.Imaging.AsNoTracking(), i => operations.Any(o => o.CaseId == i.CaseId)).Select(i => new ImagingStudy
            {
                ImagingId = i.ImagingId, CaseId = i.CaseId, NvcDetected = i.NvcDetected, VesselImg = i.VesselImg,
            }),
            Kept(db.FollowUps.AsNoTracking(), f => operations.Any(o => o.CaseId == f.CaseId)).Select(f => new FollowUp
            {
                FollowupId = f.FollowupId, CaseId = f.CaseId, VisitDate = f.VisitDate, HfsStatus = f.HfsStatus, BniPain = f.BniPain,
                PtaDb = f.PtaDb, SdsPct = f.SdsPct,
            }),
            Kept(db.Complications.AsNoTracking(), c => operations.Any(o => o.CaseId == c.CaseId)).Select(c => new Complication
            {
                ComplicationId = c.ComplicationId, CaseId = c.CaseId, ComplicationType = c.ComplicationType, OnsetDate = c.OnsetDate,
                ClavienDindo = c.ClavienDindo, Resolved = c.Resolved, ResolutionDate = c.ResolutionDate,
            }));
    }

    /// <summary>Each query's name and SQL, in the order the loader runs them.</summary>
    public IEnumerable<(string Name, string Sql)> Sql() =>
    [
        ("operations", Operations.ToQueryString()), ("patients", Patients.ToQueryString()), ("imaging", Imaging.ToQueryString()),
        ("follow-ups", FollowUps.ToQueryString()), ("complications", Complications.ToQueryString()),
    ];
}
