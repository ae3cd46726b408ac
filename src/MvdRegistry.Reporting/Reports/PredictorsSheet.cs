using MvdRegistry.Core.Statistics;
using MvdRegistry.Core.Statistics.Snapshot;
using MvdRegistry.Reporting.Charts;

namespace MvdRegistry.Reporting.Reports;

/// <summary>
/// The logistic model of success at one year in HFS (OUTCOMES.md, Statistics item 7): its terms, the
/// forest plot of the statistics page, and its warnings above the table: no estimates when the fit
/// failed, and too few events per variable.
/// </summary>
public static class PredictorsSheet
{
    public const string Name = "Predictors";

    private static readonly string[] Headers = ["Term", "Estimate", "Std error", "z", "p", "Odds ratio", "OR 95% CI from", "to"];

    public static void Write(ReportSheet sheet, RegistrySnapshot snapshot)
    {
        var fit = snapshot.Logistic;
        var warnings = Warnings(fit).ToArray();
        if (warnings.Length > 0) sheet.Warning(ReportSheet.GroupRow, 1, string.Join(" ", warnings), Headers.Length);
        sheet.Headers(ReportSheet.HeaderRow, 1, 1, Headers);

        var row = ReportSheet.FirstRow;
        foreach (var term in fit.Terms ?? [])
        {
            var intercept = term.Term == "intercept";
            sheet.Text(row, 1, OddsRatioChart.TermLabel(term.Term));
            sheet.Number(row, 2, term.Estimate, NumberFormat.Decimal3);
            sheet.Number(row, 3, term.StdError, NumberFormat.Decimal3);
            sheet.Number(row, 4, term.Z, NumberFormat.Decimal2);
            sheet.Number(row, 5, term.P, NumberFormat.PValue);
            if (!intercept)
            {
                sheet.Number(row, 6, term.OddsRatio, NumberFormat.Decimal2);
                sheet.Number(row, 7, term.OrLower, NumberFormat.Decimal2);
                sheet.Number(row, 8, term.OrUpper, NumberFormat.Decimal2);
            }
            row++;
        }

        row++;
        sheet.Group(row++, 1, 2, "Model");
        var facts = new (string Label, double? Value, NumberFormat Format)[]
        {
            ("Complete cases", fit.N, NumberFormat.Count),
            ("Successes at 1 year", fit.Events, NumberFormat.Count),
            ("Events per variable", fit.EventsPerVariable, NumberFormat.Decimal2),
            ("Residual deviance", fit.Deviance, NumberFormat.Decimal2),
            ("AIC", fit.Aic, NumberFormat.Decimal2),
        };
        foreach (var (label, value, format) in facts)
        {
            sheet.Text(row, 1, label);
            sheet.Number(row++, 2, value, format);
        }
        sheet.Text(row, 1, "Fit");
        sheet.Text(row++, 2, fit.Status == LogisticStatus.Converged ? "converged" : StatusText(fit.Status));
        row++;
        sheet.Note(row, 1, "HFS operations with every covariate present. Odds ratios above 1 favour success; Wald 95% intervals.");

        if (OddsRatioChart.Build(fit) is { } chart)
            sheet.Picture(ReportSheet.HeaderRow, Headers.Length + 2, chart.ToPng(), chart.Width, chart.Height, "Odds ratios", chart.Description);
        sheet.Finish();
    }

    public static IEnumerable<string> Warnings(LogisticSection fit)
    {
        if (fit.Status != LogisticStatus.Converged || fit.Terms is null)
            yield return $"The model gives no estimates: {StatusText(fit.Status)}.";
        if (fit.LowEventsPerVariable)
            yield return $"Fewer than {LogisticSection.MinEventsPerVariable:0} events per variable: the estimates are unreliable.";
    }

    private static string StatusText(LogisticStatus status) => status switch
    {
        LogisticStatus.Separated => "the outcome is perfectly predicted by the covariates (separation)",
        LogisticStatus.Singular => "the covariates are collinear or too few",
        LogisticStatus.NotConverged => "the fit did not converge",
        LogisticStatus.NoData => "no complete case",
        _ => status.ToString(),
    };
}
