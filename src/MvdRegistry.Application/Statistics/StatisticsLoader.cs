using MvdRegistry.Core.Bundle;
using MvdRegistry.Data;

namespace MvdRegistry.Application.Statistics;

/// <summary>The statistics page's filters as a database query over operations, loaded by RegistryLoader. Never an MRN.</summary>
public static class StatisticsLoader
{
    public static Task<RegistryData> LoadAsync(RegistryDbContext db, StatisticsFilter filter, CancellationToken ct = default)
    {
        if (filter.IsEmpty) return RegistryLoader.LoadForStatisticsAsync(db, null, ct);
        var operations = db.Operations.AsQueryable();
        if (filter.Indication is { } indication) operations = operations.Where(o => o.Indication == indication);
        if (filter.Sites.Count > 0)
        {
            var sites = filter.Sites;
            operations = operations.Where(o => sites.Contains(o.Patient!.SiteCode!));
        }
        if (filter.Surgeon is { } surgeon) operations = operations.Where(o => o.SurgeonCode == surgeon);
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
        if (filter.SurgeryFrom is { } first)
        {
            DateOnly? start = first;
            operations = operations.Where(o => o.SurgeryDate >= start);
        }
        if (filter.SurgeryTo is { } last)
        {
            DateOnly? end = last;
            operations = operations.Where(o => o.SurgeryDate <= end);
        }
        return RegistryLoader.LoadForStatisticsAsync(db, operations, ct);
    }
}
