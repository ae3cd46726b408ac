using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MvdRegistry.Data;
using MvdRegistry.Application.Statistics;
using MvdRegistry.Data.Auditing;
using MvdRegistry.Application.Scheduling;
using MvdRegistry.Jobs.FollowUps;
using MvdRegistry.Jobs.Exports;
using MvdRegistry.Jobs.Reports;
using MvdRegistry.Jobs.Runs;
using MvdRegistry.Jobs.Statistics;

namespace MvdRegistry.Jobs.Hosting;

/// <summary>
/// The one registration of background jobs, shared by the web host, the Worker and the command line
/// (as eShop's OrderProcessor shares its service defaults): Hangfire on the storage that matches
/// <c>Database:Provider</c>, the job classes, and, where the host runs them, one server per queue.
/// </summary>
public static class JobsRegistration
{
    public static IServiceCollection AddRegistryJobs(this IServiceCollection services, IConfiguration configuration, JobHost host)
    {
        var section = configuration.GetSection(JobsOptions.Section);
        var options = section.Get<JobsOptions>() ?? new JobsOptions();
        services.Configure<JobsOptions>(section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<ICurrentUser>(_ => new FixedUser("jobs"));

        // The storage and the activator (the job classes from this host's services) are this host's
        // own, not Hangfire's static JobStorage.Current and JobActivator.Current, which the last host
        // configured would set for all: several hosts (the tests', each on its own database) can
        // live in one process.
        services.AddSingleton(sp => JobStorageFactory.Create(sp.GetRequiredService<DatabaseOptions>(), options));
        services.AddHangfire((provider, c) => c
            .UseLogProvider(new HostLogProvider(provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer());

        services.AddSingleton<HostJobActivator>();
        services.AddSingleton<JobRunner>();
        services.AddScoped<JobLauncher>();
        services.AddScoped<StatisticsJob>();
        services.AddScoped<NightlyStatistics>();
        services.AddOptions<PseudonymOptions>().Bind(configuration.GetSection(PseudonymOptions.Section));
        services.AddScoped<ReportJob>();
        services.AddScoped<ScheduledReport>();
        services.AddScoped<ReportSchedules>();
        services.TryAddScoped<OverdueListStore>();
        services.AddScoped<OverdueJob>();
        services.AddScoped<DailyOverdue>();
        services.AddScoped<ExportJob>();
        services.AddScoped<ExportRetention>();

        if (host == JobHost.Worker || (host == JobHost.Web && options.RunServer))
        {
            services.AddHostedService<RecurringJobs>();
            services.AddHangfireServer((provider, server) =>
            {
                server.Activator = provider.GetRequiredService<HostJobActivator>();
                server.ServerName = $"{Environment.MachineName}:{JobQueues.Default}";
                server.Queues = [JobQueues.Default];
                server.WorkerCount = options.DefaultWorkers;
                server.SchedulePollingInterval = options.SchedulePollInterval;
            });
            services.AddHangfireServer((provider, server) =>
            {
                server.Activator = provider.GetRequiredService<HostJobActivator>();
                server.ServerName = $"{Environment.MachineName}:{JobQueues.Heavy}";
                server.Queues = [JobQueues.Heavy];
                server.WorkerCount = options.HeavyWorkers;
                server.SchedulePollingInterval = options.SchedulePollInterval;
            });
        }
        return services;
    }
}
