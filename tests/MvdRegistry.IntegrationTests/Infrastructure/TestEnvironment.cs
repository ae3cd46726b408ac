using System.Runtime.CompilerServices;

namespace MvdRegistry.IntegrationTests.Infrastructure;

internal static class TestEnvironment
{
    /// <summary>
    /// Dozens of web hosts start in this process (one per test class or test). Each watches its
    /// configuration files; with inotify they exhaust the per-user limit of 128 instances and a host
    /// fails with a 500. Polling watchers have no such limit.
    /// </summary>
    [ModuleInitializer]
    public static void UsePollingFileWatchers() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
}
