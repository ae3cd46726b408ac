using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MvdRegistry.Core.Access;
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
        var asUser = new Option<string?>("--as") { Description = "The registry user this export is for (audited as USER via cli:OS-USER). Required for the identified bundle, and it must name an Administrator; with --deidentified optional, a Researcher or Administrator." };
        var command = new Command("export", "Write the registry: the identified import bundle (five CSV files, administrators: --as USER), or with --deidentified the de-identified research export. Every export is written to the audit trail.")
        {
            format, output, deidentified, indication, sites, fromYear, toYear, asUser,
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
                if (isXlsx || !filter.KeepsAll)
                {
                    await context.Error.WriteLineAsync("error: --format xlsx and the filters (--indication, --sites, --from-year, --to-year) are for the de-identified export: add --deidentified");
                    return CliContext.UsageError;
                }
                return await IdentifiedAsync(context, parse.GetValue(output)!, parse.GetValue(asUser), ct);
            }
            return await DeidentifiedAsync(context, new DeidentifiedExportRequest(isXlsx ? ExportFormat.Xlsx : ExportFormat.Csv, parse.GetValue(output)!, filter), parse.GetValue(asUser), ct);
        });
        return command;
    }

    private static async Task<int> IdentifiedAsync(CliContext context, string output, string? asUser, CancellationToken ct)
    {
        await using var services = context.Services();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        await DatabaseSetup.PrepareAsync(db, ct);
        if (asUser is null)
            return await RefuseAsync(context, ["the identified bundle (MRNs, dates) is for registry administrators only: name yourself with --as USER, a user of the registry with the Administrator role"]);
        var requester = await RequesterAsync(context, db, asUser, ct);
        if (requester is null) return await RefuseAsync(context, [$"--as '{asUser}' is not a user of the registry"]);
        var order = new ExportOrder(ExportKind.Identified, ExportFormat.Csv, output, new ExportFilter(), requester);
        return await RunAsync(context, db, order, "", ct);
    }

    private static async Task<int> DeidentifiedAsync(CliContext context, DeidentifiedExportRequest request, string? asUser, CancellationToken ct)
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
        var requester = new ExportRequester(CliContext.OsUser, IsAdministrator: false);
        if (asUser is not null)
        {
            requester = await RequesterAsync(context, db, asUser, ct);
            if (requester is null) return await RefuseAsync(context, [$"--as '{asUser}' is not a user of the registry"]);
            var roles = (await db.Users.AsNoTracking().SingleAsync(u => u.UserName == asUser, ct)).RoleList;
            if (!roles.Contains(Roles.Researcher) && !roles.Contains(Roles.Administrator))
                return await RefuseAsync(context, [$"--as '{asUser}' is neither a Researcher nor an Administrator of the registry"]);
        }
        var order = new ExportOrder(ExportKind.Deidentified, request.Format, request.Output, request.Filter, requester);
        return await RunAsync(context, db, order, pseudonyms.Key, ct);
    }

    /// <summary>A registry user named by --as, audited as acting through the command line; null when there is no such user.</summary>
    private static async Task<ExportRequester?> RequesterAsync(CliContext context, RegistryDbContext db, string userName, CancellationToken ct)
    {
        var account = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == userName, ct);
        return account is null ? null : new ExportRequester($"{account.UserName} via {CliContext.OsUser}", account.RoleList.Contains(Roles.Administrator));
    }

    private static async Task<int> RunAsync(CliContext context, RegistryDbContext db, ExportOrder order, string secret, CancellationToken ct)
    {
        try
        {
            var result = await new AuditedExport(db, secret, TimeProvider.System).RunAsync(order, null, ct);
            await context.Out.WriteLineAsync($"Wrote {Path.GetFullPath(order.Output)} ({(order.Kind == ExportKind.Identified ? "identified bundle" : order.Filter)}): "
                + string.Join(", ", result.RowsPerSheet.Select(r => $"{r.Value} {r.Key}")));
            await context.Out.WriteLineAsync($"SHA-256 {result.Sha256} (audited as {order.Requester.AuditName})");
            foreach (var file in result.Files) await context.Out.WriteLineAsync($"  {file.Sha256}  {file.Path}");
            return CliContext.Done;
        }
        catch (ExportRefusedException refused)
        {
            return await RefuseAsync(context, refused.Problems);
        }
    }

    private static async Task<int> RefuseAsync(CliContext context, IEnumerable<string> problems)
    {
        foreach (var p in problems) await context.Error.WriteLineAsync("error: " + p);
        await context.Error.WriteLineAsync("Nothing was written.");
        return CliContext.InvalidInput;
    }
}
