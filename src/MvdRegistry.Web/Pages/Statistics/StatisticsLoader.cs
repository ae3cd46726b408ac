using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Bundle;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;

namespace MvdRegistry.Web.Pages.Statistics;

/// <summary>
/// RegistryLoader.LoadForStatisticsAsync narrowed to the chosen operations in the database: the same
/// columns (a test holds the two to the same snapshot), only the rows the filters keep. Never an MRN.
/// </summary>
public static class StatisticsLoader
{
    public static async Task<RegistryData> LoadAsync(RegistryDbContext db, StatisticsFilter filter, CancellationToken ct = default)
    {
        var operations = db.Operations.AsNoTracking();
        if (filter.Indication is { } indication) operations = operations.Where(o => o.Indication == indication);
        if (filter.Sites.Count > 0)
        {
            var sites = filter.Sites;
            operations = operations.Where(o => sites.Contains(o.Patient!.SiteCode!));
        }
        if (filter.From is { } from)
        {
            DateOnly? start = new DateOnly(from, 1, 1);
            operations = operations.Where(o => o.SurgeryDate >= start);
        }
        if (filter.To is { } to)
        {
            DateOnly? end = new DateOnly(to + 1, 1, 1);
            operations = operations.Where(o => o.SurgeryDate < end);
        }

        // Unfiltered, every row is wanted: the semi-joins would only cost time.
        var filtered = filter.Indication is not null || filter.Sites.Count > 0 || filter.From is not null || filter.To is not null;
        IQueryable<T> Kept<T>(IQueryable<T> rows, Expression<Func<T, bool>> keep) => filtered ? rows.Where(keep) : rows;

        var data = new RegistryData();
        data.Operations.AddRange(await operations.Select(o => new Operation
        {
            CaseId = o.CaseId, PatientId = o.PatientId, Indication = o.Indication, Side = o.Side, Redo = o.Redo,
            SymptomDurationMonths = o.SymptomDurationMonths, BotoxPrior = o.BotoxPrior, SurgeryDate = o.SurgeryDate,
            SurgeonCode = o.SurgeonCode, LsrIntraop = o.LsrIntraop, VesselOp = o.VesselOp, VesselPrimary = o.VesselPrimary,
            DischargeDate = o.DischargeDate, PtaDbPreop = o.PtaDbPreop, SdsPctPreop = o.SdsPctPreop,
        }).ToListAsync(ct));
        data.Patients.AddRange(await Kept(db.Patients.AsNoTracking(), p => operations.Any(o => o.PatientId == p.PatientId))
            .Select(p => new Patient
            {
                PatientId = p.PatientId, SiteCode = p.SiteCode, BirthDate = p.BirthDate, Sex = p.Sex, ConsentStatus = p.ConsentStatus,
            }).ToListAsync(ct));
        data.Imaging.AddRange(await Kept(db.Imaging.AsNoTracking(), i => operations.Any(o => o.CaseId == i.CaseId))
            .Select(i => new ImagingStudy
            {
                ImagingId = i.ImagingId, CaseId = i.CaseId, NvcDetected = i.NvcDetected, VesselImg = i.VesselImg,
            }).ToListAsync(ct));
        data.FollowUps.AddRange(await Kept(db.FollowUps.AsNoTracking(), f => operations.Any(o => o.CaseId == f.CaseId))
            .Select(f => new FollowUp
            {
                FollowupId = f.FollowupId, CaseId = f.CaseId, VisitDate = f.VisitDate, HfsStatus = f.HfsStatus, BniPain = f.BniPain,
                PtaDb = f.PtaDb, SdsPct = f.SdsPct,
            }).ToListAsync(ct));
        data.Complications.AddRange(await Kept(db.Complications.AsNoTracking(), c => operations.Any(o => o.CaseId == c.CaseId))
            .Select(c => new Complication
            {
                ComplicationId = c.ComplicationId, CaseId = c.CaseId, ComplicationType = c.ComplicationType, OnsetDate = c.OnsetDate,
                ClavienDindo = c.ClavienDindo, Resolved = c.Resolved, ResolutionDate = c.ResolutionDate,
            }).ToListAsync(ct));
        return data.Link();
    }
}
