using System.CommandLine;
using MvdRegistry.Cli.Commands;

namespace MvdRegistry.Cli;

public static class CliApp
{
    /// <returns>0 done, 1 invalid input, 2 usage error.</returns>
    public static async Task<int> RunAsync(string[] args, CliContext context)
    {
        var root = new RootCommand("MVD Registry: the command line of the microvascular decompression registry.")
        {
            MigrateCommand.Create(context),
            ImportCommand.Create(context),
            ExportCommand.Create(context),
            SeedDemoCommand.Create(context),
            DemoUsersCommand.Create(context),
            StatsCommand.Create(context),
            ReportCommand.Create(context),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) await context.Error.WriteLineAsync("error: " + error.Message);
            await context.Error.WriteLineAsync("Run with --help to see the verbs and their options.");
            return CliContext.UsageError;
        }
        return await parse.InvokeAsync(new InvocationConfiguration { Output = context.Out, Error = context.Error });
    }
}
