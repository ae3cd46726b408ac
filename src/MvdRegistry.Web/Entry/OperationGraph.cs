using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;
using MvdRegistry.Web.Access;

namespace MvdRegistry.Web.Entry;

/// <summary>
/// An operation with its patient, imaging studies, visits and complications: what the cross-field rules
/// read. Only through <see cref="RecordScope"/>: an operation of a site the user may not read is not found.
/// </summary>
public static class OperationGraph
{
    public static Task<Operation?> LoadAsync(RegistryDbContext db, RegistryUser user, string caseId, bool tracked, CancellationToken ct = default)
    {
        var query = db.Operations.Readable(user)
            .Include(o => o.Patient).Include(o => o.Imaging).Include(o => o.FollowUps).Include(o => o.Complications)
            .AsSplitQuery();
        if (!tracked) query = query.AsNoTracking();
        return query.SingleOrDefaultAsync(o => o.CaseId == caseId, ct);
    }
}
