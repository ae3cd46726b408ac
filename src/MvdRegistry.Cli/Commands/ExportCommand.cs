using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using MvdRegistry.Data;
using MvdRegistry.Reporting.Export;

namespace MvdRegistry.Cli.Commands;

internal static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var format = new Option<string>("--format") { Description = "Output format (csv: the identified import bundle, for administrators).", Required = true };
        format.AcceptOnlyFromAmong("csv");
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write the five files into (created when missing).", Required = true };
        var command = new Command("export", "Write the registry as the five CSV files of the import bundle (identified).")
        {
            format,
            output,
        };
        command.SetAction(async (parse, ct) =>
        {
            var dir = parse.GetValue(output)!;
            await using var services = context.Services();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            await DatabaseSetup.PrepareAsync(db, ct);
            var counts = await CsvBundleWriter.WriteAsync(db, dir.FullName, ct);
            await context.Out.WriteLineAsync($"Wrote {dir.FullName}: " + string.Join(", ", counts.Select(c => $"{c.Value} {c.Key}")));
            return CliContext.Done;
        });
        return command;
    }
}
