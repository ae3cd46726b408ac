using Microsoft.Extensions.Configuration;
using MvdRegistry.Cli;

namespace MvdRegistry.IntegrationTests.Infrastructure;

public sealed record CliOutcome(int ExitCode, string Out, string Error);

public static class CliRun
{
    /// <summary>Runs the command line in-process against the given configuration.</summary>
    public static async Task<CliOutcome> RunAsync(IConfiguration configuration, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(args, new CliContext(configuration, output, error));
        return new CliOutcome(code, output.ToString(), error.ToString());
    }
}
