using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MvdRegistry.Data;
using MvdRegistry.Jobs.FollowUps;
using MvdRegistry.Jobs.Exports;
using MvdRegistry.Jobs.Reports;
using MvdRegistry.Jobs.Statistics;

namespace MvdRegistry.Jobs.Hosting;

/// <summary>
/// Registers the registry's recurring jobs with Hangfire when a host that runs servers starts:
/// - the nightly statistics snapshot, from configuration (<c>Jobs:StatisticsCron</c>, in
///   <c>Jobs:TimeZone</c>; an empty cron removes it);
/// - the daily overdue follow-up lists, likewise (<c>Jobs:OverdueCron</c>);
/// - every report schedule, from the registry database: each active schedule's recurring job is added
///   or updated, and the recurring jobs of paused or deleted schedules are removed, so schedules survive
///   a restart and a change made while no server ran takes effect.
/// Hangfire runs a recurring job missed while every server was down once, not once per missed slot.
/// </summary>
public sealed class RecurringJobs(IRecurringJobManager recurring, JobStorage storage, IServiceScopeFactory scopes, IOptions<JobsOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var jobs = options.Value;
        if (string.IsNullOrWhiteSpace(jobs.StatisticsCron))
            recurring.RemoveIfExists(NightlyStatistics.RecurringJobId);
        else
            recurring.AddOrUpdate<NightlyStatistics>(NightlyStatistics.RecurringJobId, job => job.EnqueueAsync(), jobs.StatisticsCron,
                new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(jobs.TimeZone) });
        if (string.IsNullOrWhiteSpace(jobs.OverdueCron))
            recurring.RemoveIfExists(DailyOverdue.RecurringJobId);
        else
            recurring.AddOrUpdate<DailyOverdue>(DailyOverdue.RecurringJobId, job => job.EnqueueAsync(), jobs.OverdueCron,
                new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(jobs.TimeZone) });
        recurring.AddOrUpdate<ExportRetention>(ExportRetention.RecurringJobId, job => job.RunAsync(), ExportRetention.Cron);
        await RegisterSchedulesAsync(cancellationToken);
    }

    private async Task RegisterSchedulesAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var schedules = await db.ReportSchedules.AsNoTracking().ToListAsync(ct);
        foreach (var schedule in schedules) ReportSchedules.Register(recurring, schedule);

        var known = schedules.Select(s => ScheduledReport.RecurringJobId(s.Id)).ToHashSet(StringComparer.Ordinal);
        using var connection = storage.GetConnection();
        foreach (var job in connection.GetRecurringJobs())
        {
            if (job.Id.StartsWith(ScheduledReport.RecurringJobPrefix, StringComparison.Ordinal) && !known.Contains(job.Id))
                recurring.RemoveIfExists(job.Id);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
