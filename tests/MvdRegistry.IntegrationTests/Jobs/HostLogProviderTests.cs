using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MvdRegistry.IntegrationTests.Infrastructure;
using MvdRegistry.Jobs.Hosting;
using HangfireLevel = Hangfire.Logging.LogLevel;

namespace MvdRegistry.IntegrationTests.Jobs;

/// <summary>
/// Hangfire's static log provider outlives the host that set it: a disposed host must not break the
/// retry filter of the jobs that run after it (the process-wide failure seen before this provider).
/// </summary>
public sealed class HostLogProviderTests
{
    [Fact]
    public void A_logger_of_a_live_host_writes_and_one_of_a_disposed_host_stays_silent()
    {
        var log = new RecordingLogger();
        var factory = LoggerFactory.Create(b => b.AddProvider(log));
        var provider = new HostLogProvider(factory);
        var live = provider.GetLogger("test");

        Assert.True(live.Log(HangfireLevel.Warn, () => "retrying", null));
        Assert.Contains(log.Lines, l => l.EndsWith("Warning test: retrying"));

        factory.Dispose();
        Assert.False(provider.GetLogger("created after").Log(HangfireLevel.Warn, () => "lost", null));
        Assert.DoesNotContain(log.Lines, l => l.Contains("lost"));
    }

    [Fact]
    public async Task After_the_host_that_configured_Hangfire_is_disposed_the_retry_filter_can_still_be_made()
    {
        var database = new SqliteTestDatabase();
        await database.InitializeAsync();
        try
        {
            await using (var host = await JobServer.StartAsync(database, JobHost.Client))
                host.Services.GetRequiredService<IGlobalConfiguration>();

            // Made after that host's logger factory is gone, as Hangfire makes it for each job class.
            var retry = (AutomaticRetryAttribute?)Attribute.GetCustomAttribute(typeof(FailingJob), typeof(AutomaticRetryAttribute));
            Assert.Equal(2, retry!.Attempts);
        }
        finally
        {
            await database.DisposeAsync();
        }
    }
}
