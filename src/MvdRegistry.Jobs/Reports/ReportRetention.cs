using Microsoft.EntityFrameworkCore;
using MvdRegistry.Data;
using MvdRegistry.Jobs.Hosting;

namespace MvdRegistry.Jobs.Reports;

/// <summary>
/// After a scheduled run: keeps the schedule's latest <c>RunsToKeep</c> runs (the run just made
/// among them) and deletes the older ones, their files first, then their rows. Runs still queued or
/// running are left alone.
/// </summary>
public static class ReportRetention
{
    public static async Task ApplyAsync(RegistryDbContext db, long scheduleId, long currentRunId, JobsOptions options, CancellationToken ct = default)
    {
        var schedule = await db.ReportSchedules.AsNoTracking().SingleOrDefaultAsync(s => s.Id == scheduleId, ct);
        if (schedule is null) return;
        var older = (await ReportJob.RunsAsync(db, scheduleId, ct))
            .Where(r => r.Id != currentRunId)
            .Skip(Math.Max(schedule.RunsToKeep - 1, 0))
            .Where(r => r.IsFinished)
            .Select(r => r.Id)
            .ToList();
        if (older.Count == 0) return;
        var rows = await db.JobRuns.Where(r => older.Contains(r.Id)).ToListAsync(ct);
        foreach (var run in rows)
        {
            if (ReportJob.FileOf(run, options) is { } file) File.Delete(file);
        }
        db.JobRuns.RemoveRange(rows);
        await db.SaveChangesAsync(ct);
    }
}
