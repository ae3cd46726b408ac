using Microsoft.EntityFrameworkCore;
using MvdRegistry.Core.Model;
using MvdRegistry.Data;

namespace MvdRegistry.Application.Worklists;

/// <summary>
/// An administrator's home page: the background jobs running or waiting, the failed ones, the report
/// schedules and the users, as counts with the latest rows.
/// </summary>
public sealed record AdministratorOverview(
    int Active,
    IReadOnlyList<JobRun> ActiveRuns,
    int Failed,
    IReadOnlyList<JobRun> FailedRuns,
    int Schedules,
    int PausedSchedules,
    int Users,
    IReadOnlyList<(string Role, int Users)> UsersByRole)
{
    public const int Shown = 5;

    /// <summary>Failed runs of the last <see cref="FailedWithinDays"/> days are shown; older ones are history.</summary>
    public const int FailedWithinDays = 30;

    public static async Task<AdministratorOverview> LoadAsync(RegistryDbContext db, DateTime now, CancellationToken ct = default)
    {
        var active = db.JobRuns.AsNoTracking().Where(r => r.Status == JobRunStatus.Running || r.Status == JobRunStatus.Queued);
        var since = now.AddDays(-FailedWithinDays);
        var failed = db.JobRuns.AsNoTracking().Where(r => r.Status == JobRunStatus.Failed && r.QueuedAt >= since);
        var roles = (await db.Users.AsNoTracking().Select(u => u.Roles).ToListAsync(ct))
            .Select(r => r.Split('|', StringSplitOptions.RemoveEmptyEntries)).ToList();
        return new AdministratorOverview(
            await active.CountAsync(ct),
            await active.OrderByDescending(r => r.Id).Take(Shown).ToListAsync(ct),
            await failed.CountAsync(ct),
            await failed.OrderByDescending(r => r.Id).Take(Shown).ToListAsync(ct),
            await db.ReportSchedules.CountAsync(ct),
            await db.ReportSchedules.CountAsync(s => s.Paused, ct),
            roles.Count,
            Core.Access.Roles.All.Select(role => (role, roles.Count(r => r.Contains(role)))).ToList());
    }
}
