using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MvdRegistry.Data;
using MvdRegistry.Data.Auditing;
using MvdRegistry.Jobs.Hosting;

namespace MvdRegistry.Cli;

/// <summary>What a verb runs with: configuration and the two output streams (tests pass their own).</summary>
public sealed record CliContext(IConfiguration Configuration, TextWriter Out, TextWriter Error)
{
    public const int Done = 0;
    public const int InvalidInput = 1;
    public const int UsageError = 2;

    /// <summary>Who runs the command line, as the audit trail names them.</summary>
    public static string OsUser => "cli:" + Environment.UserName;

    public ServiceProvider Services()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ICurrentUser>(new FixedUser(OsUser));
        services.AddRegistryDatabase(Configuration);
        services.AddRegistryJobs(Configuration, JobHost.Client);
        return services.BuildServiceProvider();
    }
}
