using Hangfire.Logging;
using Microsoft.Extensions.Logging;
using HangfireLevel = Hangfire.Logging.LogLevel;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace MvdRegistry.Jobs.Hosting;

/// <summary>
/// Hangfire's log provider: the host's <see cref="ILoggerFactory"/>, which never throws once that host is gone.
/// Hangfire keeps one static log provider per process, set to the factory of the last host that
/// registered it, and its filters (AutomaticRetry, in a static type initializer and on each job class)
/// take a logger from it when they are created. When that host is disposed while the process lives on
/// (the tests' many hosts; a command after a server), creating or writing a logger through Hangfire's
/// own adapter throws <see cref="ObjectDisposedException"/>: a retry is then never scheduled, and a
/// failing static initializer breaks Hangfire for the rest of the process. A logger must never break a
/// job, so here a logger that cannot be created or written to stays silent.
/// </summary>
public sealed class HostLogProvider(ILoggerFactory factory) : ILogProvider
{
    public ILog GetLogger(string name)
    {
        try
        {
            return new Log(factory.CreateLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Log(ILogger logger) : ILog
    {
        bool ILog.Log(HangfireLevel level, Func<string>? message, Exception? exception)
        {
            var to = Map(level);
            try
            {
                // Hangfire asks "is this level on?" with no message.
                if (message is null) return logger.IsEnabled(to);
                if (!logger.IsEnabled(to)) return false;
                logger.Log(to, 0, message(), exception, (text, _) => text);
                return true;
            }
            catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException or AggregateException)
            {
                // The host's providers are disposed: nothing left to write to.
                return false;
            }
        }

        private static LogLevel Map(HangfireLevel level) => level switch
        {
            HangfireLevel.Trace => LogLevel.Trace,
            HangfireLevel.Debug => LogLevel.Debug,
            HangfireLevel.Info => LogLevel.Information,
            HangfireLevel.Warn => LogLevel.Warning,
            HangfireLevel.Error => LogLevel.Error,
            _ => LogLevel.Critical,
        };
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(HangfireLevel logLevel, Func<string>? messageFunc, Exception? exception) => false;
    }
}
