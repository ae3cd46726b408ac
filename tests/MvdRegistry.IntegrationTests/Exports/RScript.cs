using System.Diagnostics;
using System.Globalization;

namespace MvdRegistry.IntegrationTests.Exports;

/// <summary>Runs an R script with Rscript (Debian's r-base-core, installed by tests/run.sh) and reads its "name = number" lines.</summary>
public static class RScript
{
    public static async Task<Dictionary<string, double>> RunAsync(string script)
    {
        var start = new ProcessStartInfo("Rscript", [script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Rscript did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"Rscript {script} exited with {process.ExitCode}:\n{await error}");
        return (await output).Split('\n')
            .Select(line => line.Split(" = ", 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim() == "NA" ? double.NaN : double.Parse(parts[1], CultureInfo.InvariantCulture));
    }
}
