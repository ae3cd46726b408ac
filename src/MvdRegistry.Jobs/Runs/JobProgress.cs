namespace MvdRegistry.Jobs.Runs;

/// <summary>A running job's progress, written to its run row for the jobs page to show.</summary>
public sealed class JobProgress(long runId, Func<long, Action<Core.Model.JobRun>, CancellationToken, Task> update)
{
    public Task ReportAsync(int percent, string text, CancellationToken ct = default) =>
        update(runId, run =>
        {
            run.ProgressPercent = Math.Clamp(percent, 0, 100);
            run.ProgressText = text;
        }, ct);
}
