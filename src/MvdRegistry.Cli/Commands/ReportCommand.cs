using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MvdRegistry.Application.Scheduling;
using MvdRegistry.Application.Statistics;
using MvdRegistry.Core.Statistics.Snapshot;
using MvdRegistry.Data;
using MvdRegistry.Jobs.Reports;
using MvdRegistry.Reporting.Reports;

namespace MvdRegistry.Cli.Commands;

/// <summary>
/// `report outcomes`: the Excel outcome report of the chosen operations, made as the report job makes it
/// (<see cref="OutcomeReportMaking"/>: the filter's statistics snapshot computed and stored, then the
/// workbook written from it through a temporary file beside the target).
/// </summary>
internal static class ReportCommand
{
    /// <summary>Who the stored snapshot names as having asked for it.</summary>
    public const string RequestedBy = "command line";

    public static Command Create(CliContext context) =>
        new("report", "Write a report.") { Outcomes(context) };

    private static Command Outcomes(CliContext context)
    {
        var output = new Option<string>("--out") { Description = "The workbook to write (FILE.xlsx); its folder is created when missing.", Required = true };
        output.Validators.Add(r =>
        {
            if (r.GetValue(output) is { } path && !path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
                r.AddError($"--out '{path}' must end in .xlsx");
        });
        var indication = new Option<string?>("--indication") { Description = $"Only operations for this indication: {string.Join(", ", RegistryStatistics.BenefitIndications)}." };
        indication.Validators.Add(r =>
        {
            if (r.GetValue(indication) is { } code && !RegistryStatistics.BenefitIndications.Contains(code))
                r.AddError($"--indication '{code}' is not one of {string.Join(", ", RegistryStatistics.BenefitIndications)}");
        });
        var sites = new Option<string?>("--sites") { Description = "Only the operations of these sites, comma-separated (one site: a site report)." };
        sites.Validators.Add(r =>
        {
            if (r.GetValue(sites) is { } text && SiteCodes(text).Any(s => s.Length == 0))
                r.AddError($"--sites '{text}' has an empty site code");
        });
        var from = DateOption("--from", "First surgery date, inclusive (yyyy-MM-dd).");
        var to = DateOption("--to", "Last surgery date, inclusive (yyyy-MM-dd).");
        var realCodes = new Option<bool>("--surgeon-codes") { Description = "Name surgeons by their codes (an administrator's report); by default they are named by pseudonym." };

        var command = new Command("outcomes", "The outcome report (Excel): benefit, risk, benefit-risk, predictors, survival, surgeons and sites, completeness, definitions.")
        {
            output, indication, sites, from, to, realCodes,
        };
        command.Validators.Add(r =>
        {
            if (Date(r.GetValue(from)) is { } first && Date(r.GetValue(to)) is { } last && first > last)
                r.AddError($"--from {r.GetValue(from)} is after --to {r.GetValue(to)}");
        });
        command.SetAction(async (parse, ct) =>
        {
            var filter = new StatisticsFilter
            {
                Indication = parse.GetValue(indication),
                Sites = parse.GetValue(sites) is { } text ? SiteCodes(text).Distinct().Order(StringComparer.Ordinal).ToList() : [],
                SurgeryFrom = Date(parse.GetValue(from)),
                SurgeryTo = Date(parse.GetValue(to)),
            };
            await using var services = context.Services();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            await DatabaseSetup.PrepareAsync(db, ct);

            var (unknown, siteNames) = await OutcomeReportMaking.SitesAsync(db, filter, ct);
            if (unknown.Length > 0)
            {
                await context.Error.WriteLineAsync($"error: unknown site {string.Join(", ", unknown.Select(s => $"'{s}'"))}: the registry's sites are " +
                                                   (siteNames.Count == 0 ? "none yet" : string.Join(", ", siteNames.Keys.Order(StringComparer.Ordinal))) + ". Nothing was written.");
                return CliContext.InvalidInput;
            }

            var key = new PseudonymOptions { PseudonymKey = context.Configuration[$"{PseudonymOptions.Section}:{nameof(PseudonymOptions.PseudonymKey)}"] ?? "" }.Key;
            var path = Path.GetFullPath(parse.GetValue(output)!);
            var (_, _, snapshot, reportScope) = await OutcomeReportMaking.WriteAsync(db, filter, Today.Of(TimeProvider.System), RequestedBy, runId: null,
                key, parse.GetValue(realCodes), path, TimeProvider.System, _ => Task.CompletedTask, ct);
            await context.Out.WriteLineAsync($"Wrote {path}: {snapshot.Population.Operations} analysed operations ({ReportText.ScopeLine(reportScope)}).");
            return CliContext.Done;
        });
        return command;
    }

    private static Option<string?> DateOption(string name, string description)
    {
        var option = new Option<string?>(name) { Description = description };
        option.Validators.Add(r =>
        {
            if (r.GetValue(option) is { } text && Date(text) is null)
                r.AddError($"{name} '{text}' is not a date (yyyy-MM-dd)");
        });
        return option;
    }

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string[] SiteCodes(string text) => text.Split(',').Select(s => s.Trim()).ToArray();
}
