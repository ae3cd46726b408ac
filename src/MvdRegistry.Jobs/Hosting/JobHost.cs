namespace MvdRegistry.Jobs.Hosting;

/// <summary>Which program registers the jobs: it decides whether Hangfire servers run in it.</summary>
public enum JobHost
{
    /// <summary>The web host: servers unless <c>Jobs:RunServer</c> is false.</summary>
    Web,

    /// <summary>The Worker: servers only.</summary>
    Worker,

    /// <summary>The command line: enqueues, never runs a server.</summary>
    Client,
}
