namespace MvdRegistry.IntegrationTests.Jobs;

/// <summary>
/// The test classes that start and stop many Hangfire hosts (servers and recurring jobs) run one after
/// the other, never side by side: with them in parallel, a job was seen activated through a host
/// already disposed (ObjectDisposedException in Hangfire's job activator), then retried past the test's wait.
/// </summary>
[CollectionDefinition(Name)]
public sealed class HangfireHosts
{
    public const string Name = "Hangfire hosts";
}
