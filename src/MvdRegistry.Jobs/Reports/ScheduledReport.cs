using Hangfire;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Application.Statistics;
using MvdRegistry.Data;
using MvdRegistry.Jobs.Hosting;
using MvdRegistry.Jobs.Runs;

namespace MvdRegistry.Jobs.Reports;

/// <summary>
/// The recurring job of one schedule (<c>report-schedule-{id}</c>): it queues a report run of the
/// schedule's report and filter, asked for by <see cref="RequestedBy"/>. A schedule deleted or paused
/// since (its recurring job is removed then, but one may already be on its way) queues nothing.
/// </summary>
public sealed class ScheduledReport(RegistryDbContext db, JobLauncher launcher)
{
    public const string RequestedBy = "schedule";

    public const string RecurringJobPrefix = "report-schedule-";

    public static string RecurringJobId(long scheduleId) => RecurringJobPrefix + scheduleId;

    [Queue(JobQueues.Default)]
    public async Task EnqueueAsync(long scheduleId)
    {
        var schedule = await db.ReportSchedules.AsNoTracking().SingleOrDefaultAsync(s => s.Id == scheduleId);
        if (schedule is null || schedule.Paused) return;
        await ReportJob.EnqueueAsync(launcher, new ReportJob.Parameters(schedule.ReportKind, ReportSchedules.FilterOf(schedule), schedule.Id), RequestedBy);
    }
}
