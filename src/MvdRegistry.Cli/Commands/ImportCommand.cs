using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using MvdRegistry.Data;
using MvdRegistry.Data.Auditing;
using MvdRegistry.Reporting.Import;

namespace MvdRegistry.Cli.Commands;

internal static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var directory = new Argument<DirectoryInfo>("DIR") { Description = "Folder holding patients.csv, cases.csv, imaging.csv, followups.csv and complications.csv." };
        var command = new Command("import", "Validate a CSV bundle and write all of it in one transaction, or nothing. Problems are printed as file:line: column: message.")
        {
            directory,
        };
        command.SetAction(async (parse, ct) =>
        {
            var dir = parse.GetValue(directory)!;
            if (!dir.Exists)
            {
                await context.Error.WriteLineAsync($"error: no such folder: {dir.FullName}");
                return CliContext.UsageError;
            }
            await using var services = context.Services();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            await DatabaseSetup.PrepareAsync(db, ct);
            var user = scope.ServiceProvider.GetRequiredService<ICurrentUser>();
            var result = await new BundleImporter(db, user, TimeProvider.System).ImportAsync(dir.FullName, ct);
            foreach (var warning in result.Warnings) await context.Out.WriteLineAsync("warning: " + warning);
            if (!result.Succeeded)
            {
                foreach (var problem in result.Problems) await context.Error.WriteLineAsync(problem.ToString());
                await context.Error.WriteLineAsync($"{result.Problems.Count} problem(s): nothing was imported.");
                return CliContext.InvalidInput;
            }
            await context.Out.WriteLineAsync($"Imported: {result.Inserted} inserted, {result.Updated} updated, {result.Unchanged} unchanged.");
            return CliContext.Done;
        });
        return command;
    }
}
