using MvdRegistry.Application.Statistics;

namespace MvdRegistry.Jobs.Reports;

/// <summary>What an administrator enters for a schedule.</summary>
public sealed record ScheduleInput(string Name, string ReportKind, StatisticsFilter Filter, string Cron, string TimeZone, int RunsToKeep);
