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
    /// Every key and the few values a bundle's cross-record rules read (see <see cref="RegistryFacts"/>):
    /// what the import checks a bundle against, without loading whole records.
    /// </summary>
    public static async Task<RegistryFacts> LoadFactsAsync(RegistryDbContext db, CancellationToken ct = default) => new(
        await db.Patients.AsNoTracking().Select(p => new RegistryFacts.PatientFact(p.PatientId, p.SiteCode, p.Mrn, p.BirthDate)).ToListAsync(ct),
        await db.Operations.AsNoTracking().Select(o => new RegistryFacts.OperationFact(o.CaseId, o.PatientId, o.Indication, o.SurgeryDate)).ToListAsync(ct),
        await db.Imaging.AsNoTracking().Select(s => s.ImagingId).ToListAsync(ct),
        await db.FollowUps.AsNoTracking().Select(f => new RegistryFacts.FollowUpFact(f.FollowupId, f.CaseId, f.VisitDate)).ToListAsync(ct),
        await db.Complications.AsNoTracking().Select(c => new RegistryFacts.ComplicationFact(c.ComplicationId, c.CaseId, c.ComplicationType, c.OnsetDate)).ToListAsync(ct));

    /// <summary>
    /// Only the columns that outcome derivation and the statistics read, untracked and linked: loading a
    /// 100,000-patient registry this way takes a fraction of the time of whole rows. The statistics
    /// tests run through this loader (stats --json against expected.json), so a column the statistics
    /// start to need and this leaves out makes them fail. Never an MRN. The follow-ups are read on a second
    /// connection beside the other forms when one can be opened (see <see cref="StatisticsRows"/>).
    /// </summary>
    /// <param name="chosen">The operations to load (with their patients and children), filtered in the database; all when null.</param>
    public static async Task<RegistryData> LoadForStatisticsAsync(RegistryDbContext db, IQueryable<Operation>? chosen = null, CancellationToken ct = default)
    {
        return await StatisticsRows.ReadAsync(db, StatisticsQueries.Of(db, chosen), beside: true, ct);
    }

    /// <summary>The same columns, read the same way, by queries the caller narrowed (a batch of keys): see <see cref="StatisticsQueries.Of"/>.</summary>
    public static async Task<RegistryData> LoadStatisticsRowsAsync(RegistryDbContext db, StatisticsQueries queries, CancellationToken ct = default)
    {
        return await StatisticsRows.ReadAsync(db, queries, beside: false, ct);
    }
}
