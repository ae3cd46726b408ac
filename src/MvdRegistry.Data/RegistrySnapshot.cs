using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Bundle;

namespace MvdRegistry.Data;

public static class RegistrySnapshot
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
}
