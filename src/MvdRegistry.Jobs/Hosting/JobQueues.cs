namespace MvdRegistry.Jobs.Hosting;

/// <summary>
/// Two queues, each with its own workers, so that a long statistics run or export never holds up
/// the short jobs.
/// </summary>
public static class JobQueues
{
    public const string Default = "default";
    public const string Heavy = "heavy";
}
