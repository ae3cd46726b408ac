using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;
using MvdRegistry.Web.Access;

namespace MvdRegistry.Web.Api.Operations;

/// <summary>
/// An operation the user may read, tracked and linked to everything its records' rules read: the
/// patient, the imaging, the visits and the complications. Null for an unknown id and for another
/// site's operation alike.
/// </summary>
public static class OperationGraph
{
    public static Task<Operation?> LoadAsync(RegistryDbContext db, RegistryUser user, string caseId, CancellationToken ct) =>
        db.Operations.Readable(user)
            .Include(o => o.Patient)
            .Include(o => o.Imaging)
            .Include(o => o.FollowUps)
            .Include(o => o.Complications)
            .AsSplitQuery()
            .SingleOrDefaultAsync(o => o.CaseId == caseId, ct);
}
