using Hangfire;
using MvdRegistry.Jobs.Runs;

namespace MvdRegistry.Jobs.FollowUps;

/// <summary>
/// The recurring job behind the daily overdue lists (<c>Jobs:OverdueCron</c>): it queues an overdue run
/// of every site, asked for by <see cref="RequestedBy"/>, which the jobs page shows like any other run.
/// </summary>
public sealed class DailyOverdue(JobLauncher launcher)
{
    public const string RecurringJobId = "overdue-follow-ups-daily";

    public const string RequestedBy = Application.Scheduling.OverdueListStore.Schedule;

    [Queue(Hosting.JobQueues.Default)]
    public async Task EnqueueAsync() => await OverdueJob.EnqueueAsync(launcher, RequestedBy);
}
