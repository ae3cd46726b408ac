using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MvdRegistry.Jobs.Statistics;

namespace MvdRegistry.Jobs.Hosting;

/// <summary>
/// Registers the registry's recurring jobs with Hangfire when a host that runs servers starts, from
/// configuration: the nightly statistics snapshot (<c>Jobs:StatisticsCron</c>, in <c>Jobs:TimeZone</c>;
/// an empty cron removes it). Hangfire runs a recurring job missed while every server was down once,
/// not once per missed slot.
/// </summary>
public sealed class RecurringJobs(IRecurringJobManager recurring, IOptions<JobsOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var jobs = options.Value;
        if (string.IsNullOrWhiteSpace(jobs.StatisticsCron))
        {
            recurring.RemoveIfExists(NightlyStatistics.RecurringJobId);
            return Task.CompletedTask;
        }
        recurring.AddOrUpdate<NightlyStatistics>(NightlyStatistics.RecurringJobId, job => job.EnqueueAsync(), jobs.StatisticsCron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(jobs.TimeZone) });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
