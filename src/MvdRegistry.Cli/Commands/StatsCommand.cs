using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MvdRegistry.Application.Scheduling;
using MvdRegistry.Application.Statistics;
using MvdRegistry.Core.Statistics.Snapshot;
using MvdRegistry.Data;

namespace MvdRegistry.Cli.Commands;

internal static class StatsCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<FileInfo>("--json") { Description = "Write the statistics snapshot (the shape of the reference expected.json) to this file.", Required = true };
        var asOf = new Option<string?>("--as-of") { Description = "Date (yyyy-MM-dd) that data completeness is judged against; today by default." };
        asOf.Validators.Add(r =>
        {
            if (r.GetValue(asOf) is { } text && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                r.AddError($"--as-of '{text}' is not a date (yyyy-MM-dd)");
        });
        var timing = new Option<bool>("--timing") { Description = "Print how long loading, computing and writing took (the benchmark)." };
        var floor = new Option<bool>("--floor") { Description = "First read the same rows with a plain data reader and print how long that took (the load's floor, for the benchmark)." };
        var command = new Command("stats", "Compute every outcome and statistic of OUTCOMES.md from the database and write them as JSON.")
        {
            json,
            asOf,
            timing,
            floor,
        };
        command.SetAction(async (parse, ct) =>
        {
            var file = parse.GetValue(json)!;
            var date = parse.GetValue(asOf) is { } text
                ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture)
                : Today.Of(TimeProvider.System);
            await using var services = context.Services();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            await DatabaseSetup.PrepareAsync(db, ct);
            // From the process's start to a database ready to read (the runtime, EF Core's model, the migrations' check).
            var startUp = DateTime.Now - Process.GetCurrentProcess().StartTime;
            if (parse.GetValue(floor))
            {
                var tables = await StatisticsReadFloor.ReadAsync(db, ct);
                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"floor: a plain data reader reads the same rows in {tables.Sum(t => t.Elapsed.TotalSeconds):F2} s ({string.Join(", ", tables.Select(t => $"{t.Name} {t.Rows} rows {t.Elapsed.TotalSeconds:F2} s"))})"));
            }

            var watch = Stopwatch.StartNew();
            var data = await StatisticsLoader.LoadAsync(db, new StatisticsFilter(), ct);
            var loaded = watch.Elapsed;
            var snapshot = RegistryStatistics.Compute(data.Patients, date);
            var computed = watch.Elapsed;
            file.Directory?.Create();
            await using (var stream = file.Create()) snapshot.WriteJson(stream);
            var written = watch.Elapsed;

            await context.Out.WriteLineAsync($"Wrote {file.FullName}: {snapshot.Population.Operations} analysed operations.");
            if (parse.GetValue(timing))
            {
                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"load {loaded.TotalSeconds:F2} s, compute {(computed - loaded).TotalSeconds:F2} s, write {(written - computed).TotalSeconds:F2} s, total {written.TotalSeconds:F2} s ({data.Patients.Count} patients, {data.All().Count()} rows; before it, start-up {startUp.TotalSeconds:F2} s; garbage collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} of generations 0/1/2, paused {GC.GetTotalPauseDuration().TotalSeconds:F2} s)"));
            }
            return CliContext.Done;
        });
        return command;
    }
}
