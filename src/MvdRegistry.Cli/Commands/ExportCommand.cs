using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MvdRegistry.Application.Statistics;
using MvdRegistry.Data;
using MvdRegistry.Reporting.Export;
using MvdRegistry.Reporting.Export.Deidentified;

namespace MvdRegistry.Cli.Commands;

internal static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var format = new Option<string>("--format") { Description = "csv: the identified import bundle (administrators), or with --deidentified CSV files; xlsx: with --deidentified, one workbook.", Required = true };
        format.AcceptOnlyFromAmong("csv", "xlsx");
        var output = new Option<string>("--out") { Description = "Identified: the folder for the five files. De-identified: FILE.xlsx, or for csv a new or empty folder or FILE.zip.", Required = true };
        var deidentified = new Option<bool>("--deidentified") { Description = "The de-identified research export (HIPAA Safe Harbor): pseudonyms, no MRN, no date, withdrawn patients left out; with its codebook, read_export.R and read_export.do." };
        var indication = new Option<string?>("--indication") { Description = "De-identified only: HFS, TN, GPN or OTHER." };
        var sites = new Option<string?>("--sites") { Description = "De-identified only: site codes separated by commas (A,B)." };
        var fromYear = new Option<int?>("--from-year") { Description = "De-identified only: first year of surgery." };
        var toYear = new Option<int?>("--to-year") { Description = "De-identified only: last year of surgery." };
        var command = new Command("export", "Write the registry: the identified import bundle (five CSV files), or with --deidentified the de-identified research export.")
        {
            format, output, deidentified, indication, sites, fromYear, toYear,
        };
        command.SetAction(async (parse, ct) =>
        {
            var filter = new ExportFilter(
                parse.GetValue(indication),
                parse.GetValue(sites) is { } list ? list.Split(',', StringSplitOptions.TrimEntries) : null,
                parse.GetValue(fromYear),
                parse.GetValue(toYear));
            var isXlsx = parse.GetValue(format) == "xlsx";
            if (!parse.GetValue(deidentified))
            {
                if (isXlsx || filter != new ExportFilter())
                {
                    await context.Error.WriteLineAsync("error: --format xlsx and the filters (--indication, --sites, --from-year, --to-year) are for the de-identified export: add --deidentified");
                    return CliContext.UsageError;
                }
                return await IdentifiedAsync(context, parse.GetValue(output)!, ct);
            }
            return await DeidentifiedAsync(context, new DeidentifiedExportRequest(isXlsx ? ExportFormat.Xlsx : ExportFormat.Csv, parse.GetValue(output)!, filter), ct);
        });
        return command;
    }

    private static async Task<int> IdentifiedAsync(CliContext context, string output, CancellationToken ct)
    {
        var dir = new DirectoryInfo(output);
        await using var services = context.Services();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        await DatabaseSetup.PrepareAsync(db, ct);
        var counts = await CsvBundleWriter.WriteAsync(db, dir.FullName, ct);
        await context.Out.WriteLineAsync($"Wrote {dir.FullName}: " + string.Join(", ", counts.Select(c => $"{c.Value} {c.Key}")));
        return CliContext.Done;
    }

    private static async Task<int> DeidentifiedAsync(CliContext context, DeidentifiedExportRequest request, CancellationToken ct)
    {
        // The pseudonyms are keyed by the registry's secret; like the web host, only Development may use the public built-in key.
        var pseudonyms = new PseudonymOptions { PseudonymKey = context.Configuration[$"{PseudonymOptions.Section}:{nameof(PseudonymOptions.PseudonymKey)}"] ?? "" };
        var environment = context.Configuration["DOTNET_ENVIRONMENT"] ?? context.Configuration["ASPNETCORE_ENVIRONMENT"] ?? "Production";
        if (environment != "Development" && pseudonyms.ProblemOutsideDevelopment() is { } problem)
        {
            await context.Error.WriteLineAsync($"error: {problem} (environment {environment}); nothing was written");
            return CliContext.InvalidInput;
        }

        await using var services = context.Services();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        await DatabaseSetup.PrepareAsync(db, ct);
        try
        {
            var result = await new DeidentifiedExport(db, pseudonyms.Key).RunAsync(request, null, ct);
            await context.Out.WriteLineAsync($"Wrote {Path.GetFullPath(request.Output)} ({request.Filter}): "
                + string.Join(", ", result.RowsPerSheet.Select(r => $"{r.Value} {r.Key}")));
            await context.Out.WriteLineAsync($"SHA-256 {result.Sha256}");
            foreach (var file in result.Files) await context.Out.WriteLineAsync($"  {file.Sha256}  {file.Path}");
            return CliContext.Done;
        }
        catch (ExportRefusedException refused)
        {
            foreach (var p in refused.Problems) await context.Error.WriteLineAsync("error: " + p);
            await context.Error.WriteLineAsync("Nothing was written.");
            return CliContext.InvalidInput;
        }
    }
}
