using Hangfire;
using Microsoft.EntityFrameworkCore;
using MvdRegistry.Application.Statistics;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Statistics.Snapshot;
using MvdRegistry.Data;

namespace MvdRegistry.Jobs.Reports;

/// <summary>
/// Creates, edits, pauses, resumes and deletes report schedules, and keeps each one's Hangfire
/// recurring job in step: an active schedule has one (<see cref="ScheduledReport.RecurringJobId"/>),
/// a paused or deleted one none, from the moment it is saved. Bad input is refused with every reason
/// and nothing is written.
/// </summary>
public sealed class ReportSchedules(RegistryDbContext db, IRecurringJobManager recurring, TimeProvider clock)
{
    /// <summary>The schedule saved, or why nothing was saved.</summary>
    public sealed record Result(ReportSchedule? Schedule, IReadOnlyList<string> Errors)
    {
        public bool Succeeded => Schedule is not null && Errors.Count == 0;

        public static Result Refused(params string[] errors) => new(null, errors);
    }

    public const int MaxRunsToKeep = 1000;

    public async Task<Result> CreateAsync(ScheduleInput input, string by, CancellationToken ct = default)
    {
        var errors = await ValidateAsync(input, null, ct);
        if (errors.Count > 0) return new Result(null, errors);
        var schedule = new ReportSchedule { CreatedBy = by, CreatedAt = clock.GetUtcNow().UtcDateTime };
        Apply(schedule, input);
        db.ReportSchedules.Add(schedule);
        await db.SaveChangesAsync(ct);
        Register(recurring, schedule);
        return new Result(schedule, []);
    }

    /// <summary>Edits a schedule as it was at <paramref name="version"/>; refused when it changed since.</summary>
    public async Task<Result> UpdateAsync(long id, int version, ScheduleInput input, CancellationToken ct = default)
    {
        var schedule = await db.ReportSchedules.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (schedule is null) return Result.Refused($"Schedule {id} does not exist.");
        var errors = await ValidateAsync(input, id, ct);
        if (errors.Count > 0) return new Result(null, errors);
        Apply(schedule, input);
        return await SaveAsync(schedule, version, ct);
    }

    public async Task<Result> SetPausedAsync(long id, int version, bool paused, CancellationToken ct = default)
    {
        var schedule = await db.ReportSchedules.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (schedule is null) return Result.Refused($"Schedule {id} does not exist.");
        schedule.Paused = paused;
        return await SaveAsync(schedule, version, ct);
    }

    /// <summary>Deletes the schedule and its recurring job; its runs and their files stay in the history.</summary>
    public async Task<Result> DeleteAsync(long id, int version, CancellationToken ct = default)
    {
        var schedule = await db.ReportSchedules.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (schedule is null) return Result.Refused($"Schedule {id} does not exist.");
        db.Entry(schedule).Property(s => s.Version).OriginalValue = version;
        db.ReportSchedules.Remove(schedule);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Refused($"Schedule '{schedule.Name}' was changed by someone else meanwhile: nothing was deleted. Reload it and try again.");
        }
        recurring.RemoveIfExists(ScheduledReport.RecurringJobId(id));
        return new Result(schedule, []);
    }

    /// <summary>Adds or updates the recurring job of an active schedule; removes that of a paused one.</summary>
    public static void Register(IRecurringJobManager recurring, ReportSchedule schedule)
    {
        var id = ScheduledReport.RecurringJobId(schedule.Id);
        if (schedule.Paused)
        {
            recurring.RemoveIfExists(id);
            return;
        }
        // Relaxed (Hangfire's default, named here so that it stays): slots missed while every server was
        // down run once when one is back, not once per missed slot.
        recurring.AddOrUpdate<ScheduledReport>(id, job => job.EnqueueAsync(schedule.Id), schedule.Cron, new RecurringJobOptions
        {
            TimeZone = ScheduleTimes.ParseZone(schedule.TimeZone).Zone ?? TimeZoneInfo.Utc,
            MisfireHandling = MisfireHandlingMode.Relaxed,
        });
    }

    public static StatisticsFilter FilterOf(ReportSchedule schedule) => new()
    {
        Indication = schedule.Indication,
        Sites = schedule.Sites.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList(),
        SurgeryFrom = schedule.SurgeryFrom,
        SurgeryTo = schedule.SurgeryTo,
    };

    private async Task<Result> SaveAsync(ReportSchedule schedule, int version, CancellationToken ct)
    {
        db.Entry(schedule).Property(s => s.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Refused($"Schedule '{schedule.Name}' was changed by someone else meanwhile: nothing was saved. Reload it and try again.");
        }
        Register(recurring, schedule);
        return new Result(schedule, []);
    }

    private static void Apply(ReportSchedule schedule, ScheduleInput input)
    {
        schedule.Name = input.Name.Trim();
        schedule.ReportKind = input.ReportKind;
        schedule.Indication = input.Filter.Indication;
        schedule.Sites = string.Join(',', input.Filter.Sites.Distinct().Order(StringComparer.Ordinal));
        schedule.SurgeryFrom = input.Filter.SurgeryFrom;
        schedule.SurgeryTo = input.Filter.SurgeryTo;
        schedule.Cron = input.Cron.Trim();
        schedule.TimeZone = input.TimeZone.Trim();
        schedule.RunsToKeep = input.RunsToKeep;
    }

    private async Task<List<string>> ValidateAsync(ScheduleInput input, long? id, CancellationToken ct)
    {
        var errors = new List<string>();
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0) errors.Add("The name is required.");
        else if (name.Length > 200) errors.Add("The name is longer than 200 characters.");
        else if (await db.ReportSchedules.AnyAsync(s => s.Name == name && s.Id != id, ct)) errors.Add($"A schedule named '{name}' exists already.");
        if (!ReportJob.Reports.Contains(input.ReportKind)) errors.Add($"'{input.ReportKind}' is not a report: the reports are {string.Join(", ", ReportJob.Reports)}.");
        if (input.Filter.Indication is { } indication && !RegistryStatistics.BenefitIndications.Contains(indication))
            errors.Add($"'{indication}' is not an indication: {string.Join(", ", RegistryStatistics.BenefitIndications)}.");
        var (unknown, names) = await OutcomeReportMaking.SitesAsync(db, input.Filter, ct);
        if (unknown.Length > 0)
            errors.Add($"Unknown site {string.Join(", ", unknown.Select(s => $"'{s}'"))}: the registry's sites are {(names.Count == 0 ? "none yet" : string.Join(", ", names.Keys.Order(StringComparer.Ordinal)))}.");
        if (input.Filter is { SurgeryFrom: { } from, SurgeryTo: { } to } && from > to) errors.Add($"The first surgery date {from:yyyy-MM-dd} is after the last {to:yyyy-MM-dd}.");
        if (ScheduleTimes.ParseCron(input.Cron).Error is { } cron) errors.Add(cron);
        if (ScheduleTimes.ParseZone(input.TimeZone).Error is { } zone) errors.Add(zone);
        if (input.RunsToKeep < 1 || input.RunsToKeep > MaxRunsToKeep) errors.Add($"Runs to keep must be between 1 and {MaxRunsToKeep} (it is {input.RunsToKeep}).");
        return errors;
    }
}
