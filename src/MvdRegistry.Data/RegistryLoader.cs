using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Bundle;
using MvdRegistry.Core.Model;

namespace MvdRegistry.Data;

public static class RegistryLoader
{
    /// <summary>Every clinical record, untracked and linked: what the statistics and the import compare against.</summary>
    public static async Task<RegistryData> LoadAsync(RegistryDbContext db, CancellationToken ct = default)
    {
        var data = new RegistryData();
        data.Patients.AddRange(await db.Patients.AsNoTracking().ToListAsync(ct));
        data.Operations.AddRange(await db.Operations.AsNoTracking().ToListAsync(ct));
        data.Imaging.AddRange(await db.Imaging.AsNoTracking().ToListAsync(ct));
        data.FollowUps.AddRange(await db.FollowUps.AsNoTracking().ToListAsync(ct));
        data.Complications.AddRange(await db.Complications.AsNoTracking().ToListAsync(ct));
        return data.Link();
    }

    /// <summary>
    /// Only the columns that outcome derivation and the statistics read, untracked and linked: loading a
    /// 100,000-patient registry this way takes a fraction of the time of whole rows. The statistics
    /// tests run through this loader (stats --json against expected.json), so a column the statistics
    /// start to need and this leaves out makes them fail. Never an MRN.
    /// </summary>
    /// <param name="chosen">The operations to load (with their patients and children), filtered in the database; all when null.</param>
    public static async Task<RegistryData> LoadForStatisticsAsync(RegistryDbContext db, IQueryable<Operation>? chosen = null, CancellationToken ct = default)
    {
        var operations = chosen ?? db.Operations;
        // Unfiltered, every row is wanted: the semi-joins would only cost time.
        IQueryable<T> Kept<T>(IQueryable<T> rows, Expression<Func<T, bool>> keep) => chosen is null ? rows : rows.Where(keep);

        var data = new RegistryData();
        data.Operations.AddRange(await operations.AsNoTracking().Select(o => new Operation
        {
            CaseId = o.CaseId, PatientId = o.PatientId, Indication = o.Indication, Side = o.Side, Redo = o.Redo,
            SymptomDurationMonths = o.SymptomDurationMonths, BotoxPrior = o.BotoxPrior, SurgeryDate = o.SurgeryDate,
            SurgeonCode = o.SurgeonCode, LsrIntraop = o.LsrIntraop, VesselOp = o.VesselOp, VesselPrimary = o.VesselPrimary,
            DischargeDate = o.DischargeDate, PtaDbPreop = o.PtaDbPreop, SdsPctPreop = o.SdsPctPreop,
        }).ToListAsync(ct));
        data.Patients.AddRange(await Kept(db.Patients.AsNoTracking(), p => operations.Any(o => o.PatientId == p.PatientId)).Select(p => new Patient
        {
            PatientId = p.PatientId, SiteCode = p.SiteCode, BirthDate = p.BirthDate, Sex = p.Sex, ConsentStatus = p.ConsentStatus,
        }).ToListAsync(ct));
        data.Imaging.AddRange(await Kept(db.Imaging.AsNoTracking(), i => operations.Any(o => o.CaseId == i.CaseId)).Select(i => new ImagingStudy
        {
            ImagingId = i.ImagingId, CaseId = i.CaseId, NvcDetected = i.NvcDetected, VesselImg = i.VesselImg,
        }).ToListAsync(ct));
        data.FollowUps.AddRange(await Kept(db.FollowUps.AsNoTracking(), f => operations.Any(o => o.CaseId == f.CaseId)).Select(f => new FollowUp
        {
            FollowupId = f.FollowupId, CaseId = f.CaseId, VisitDate = f.VisitDate, HfsStatus = f.HfsStatus, BniPain = f.BniPain,
            PtaDb = f.PtaDb, SdsPct = f.SdsPct,
        }).ToListAsync(ct));
        data.Complications.AddRange(await Kept(db.Complications.AsNoTracking(), c => operations.Any(o => o.CaseId == c.CaseId)).Select(c => new Complication
        {
            ComplicationId = c.ComplicationId, CaseId = c.CaseId, ComplicationType = c.ComplicationType, OnsetDate = c.OnsetDate,
            ClavienDindo = c.ClavienDindo, Resolved = c.Resolved, ResolutionDate = c.ResolutionDate,
        }).ToListAsync(ct));
        return data.Link();
    }
}
