using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MvdRegistry.Data;
using MvdRegistry.Data.Auditing;
using MvdRegistry.Reporting.Demo;

namespace MvdRegistry.Cli.Commands;

internal static class SeedDemoCommand
{
    public static Command Create(CliContext context)
    {
        var patients = new Option<int>("--patients") { Description = "How many synthetic patients to generate.", Required = true };
        patients.Validators.Add(r =>
        {
            if (r.GetValue(patients) is < 1 or > 1_000_000) r.AddError("--patients must be between 1 and 1,000,000");
        });
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same registry.", DefaultValueFactory = _ => 1 };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Write the data as an import bundle into this folder instead of into the database." };
        var command = new Command("seed-demo", "Generate synthetic but clinically plausible data (rates as in DOMAIN.md, follow-ups at the usual visits, some lost to follow-up) and import them.")
        {
            patients,
            seed,
            output,
        };
        command.SetAction(async (parse, ct) =>
        {
            var watch = Stopwatch.StartNew();
            if (parse.GetValue(output) is { } dir)
            {
                await DemoSeeder.WriteBundleAsync(dir.FullName, parse.GetValue(patients), parse.GetValue(seed), TimeProvider.System, ct);
                await context.Out.WriteLineAsync($"Wrote a bundle of {parse.GetValue(patients)} patients to {dir.FullName} in {watch.Elapsed.TotalSeconds:F1} s.");
                return CliContext.Done;
            }
            await using var services = context.Services();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            await DatabaseSetup.PrepareAsync(db, ct);
            var result = await DemoSeeder.SeedAsync(db, scope.ServiceProvider.GetRequiredService<ICurrentUser>(), parse.GetValue(patients), parse.GetValue(seed), TimeProvider.System, ct);
            if (!result.Succeeded)
            {
                foreach (var problem in result.Problems.Take(50)) await context.Error.WriteLineAsync(problem.ToString());
                return CliContext.InvalidInput;
            }
            await context.Out.WriteLineAsync($"Seeded: {result.Inserted} inserted, {result.Updated} updated, {result.Unchanged} unchanged in {watch.Elapsed.TotalSeconds:F1} s.");
            return CliContext.Done;
        });
        return command;
    }
}
