using Hangfire;
using MvdRegistry.Application.Scheduling;
using MvdRegistry.Jobs.Runs;

namespace MvdRegistry.Jobs.Statistics;

/// <summary>
/// The recurring job behind the nightly snapshot (<c>Jobs:StatisticsCron</c>): it queues a statistics
/// run of the whole registry as of today, asked for by <see cref="RequestedBy"/>, which the jobs page
/// then shows like any other run.
/// </summary>
public sealed class NightlyStatistics(JobLauncher launcher, TimeProvider clock)
{
    public const string RecurringJobId = "statistics-nightly";

    public const string RequestedBy = "schedule";

    [Queue(Hosting.JobQueues.Default)]
    public async Task EnqueueAsync() => await StatisticsJob.EnqueueAsync(launcher, Today.Of(clock), RequestedBy);
}
