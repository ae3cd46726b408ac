using MvdRegistry.Core.Statistics;
using MvdRegistry.Core.Statistics.Snapshot;
using MvdRegistry.Reporting.Reports;
using MvdRegistry.Reporting.Tests.Support;

namespace MvdRegistry.Reporting.Tests.Reports;

/// <summary>
/// How the predictors sheet reads: the terms under their headers, the model's facts under them, and the warning above them when
/// the model gives no estimates or too few events. (Its numbers are checked against R in <see cref="OutcomeReportNumbersTests"/>.)
/// </summary>
[Collection(ReportFilesCollection.Name)]
public sealed class OutcomeReportPredictorsTests(ReportFilesFixture files) : IDisposable
{
    private const string Sheet = "Predictors";
    private const string Note = "HFS operations with every covariate present. Odds ratios above 1 favour success; Wald 95% intervals.";
    private static readonly string[] Facts = ["Complete cases", "Successes at 1 year", "Events per variable", "Residual deviance", "AIC", "Fit"];
    private static readonly LogisticSection Reference = ReferenceSnapshot.Snapshot.Logistic;

    private readonly WorkbookFile _file = new(files.Whole);

    public void Dispose() => _file.Dispose();

    private static WorkbookFile Written(LogisticSection logistic) => new(ReportFiles.WithSection(nameof(RegistrySnapshot.Logistic), logistic));

    [Fact]
    public void The_terms_stand_under_their_headers_the_intercept_without_an_odds_ratio_and_the_model_under_them()
    {
        Assert.Equal(["Term", "Estimate", "Std error", "z", "p", "Odds ratio", "OR 95% CI from", "to"],
            Enumerable.Range(1, 8).Select(c => _file.Text(Sheet, 4, c)));
        var terms = Reference.Terms!.Count;
        Assert.Equal("Intercept", _file.Text(Sheet, 5, 1));
        Assert.NotNull(_file.Number(Sheet, 5, 5));
        Assert.All(new[] { 6, 7, 8 }, c => Assert.Null(_file.Value(Sheet, 5, c)));
        Assert.All(Enumerable.Range(6, terms - 1), r => Assert.NotNull(_file.Number(Sheet, r, 8)));

        var model = 5 + terms + 1;
        Assert.Equal("", _file.Text(Sheet, model - 1, 1));
        Assert.Equal(("Model", true), (_file.Text(Sheet, model, 1), _file.Bold(Sheet, model, 1)));
        Assert.Equal([.. Facts, "", Note], _file.Down(Sheet, model + 1, 1, Facts.Length + 2));
        ReportAssert.R(ReferenceSnapshot.Expected["logistic"]!["deviance"], _file.Number(Sheet, model + 4, 2), "deviance");
        Assert.Equal("converged", _file.Text(Sheet, model + 6, 2));

        var chart = Assert.Single(_file.Pictures(Sheet));
        Assert.Equal(("Odds ratios", 4, 10), (chart.Name, chart.Row, chart.Column));
    }

    [Fact]
    public void A_converged_model_with_enough_events_has_no_warning()
    {
        using var file = Written(Reference with { LowEventsPerVariable = false });

        Assert.Null(file.Value(Sheet, 3, 1));
        Assert.Null(file.Fill(Sheet, 3, 1));
        Assert.Equal("Term", file.Text(Sheet, 4, 1));
    }

    [Fact]
    public void The_warning_of_too_few_events_runs_on_a_yellow_band_over_the_table()
    {
        Assert.Equal("Fewer than 10 events per variable: the estimates are unreliable.", _file.Text(Sheet, 3, 1));
        Assert.True(_file.Bold(Sheet, 3, 1));
        Assert.All(Enumerable.Range(1, 8), c => Assert.Equal("FFFFE599", _file.Fill(Sheet, 3, c)));
        Assert.Null(_file.Fill(Sheet, 3, 9));
    }

    [Theory]
    [InlineData(LogisticStatus.Separated, "the outcome is perfectly predicted by the covariates (separation)")]
    [InlineData(LogisticStatus.Singular, "the covariates are collinear or too few")]
    [InlineData(LogisticStatus.NotConverged, "the fit did not converge")]
    [InlineData(LogisticStatus.NoData, "no complete case")]
    public void A_model_without_estimates_says_why_above_the_empty_table_and_as_its_fit(LogisticStatus status, string why)
    {
        using var file = Written(Reference with { Status = status, Converged = false, Terms = null, LowEventsPerVariable = false });

        Assert.Equal($"The model gives no estimates: {why}.", file.Text(Sheet, 3, 1));
        Assert.Equal("", file.Text(Sheet, 5, 1));
        Assert.Equal("Model", file.Text(Sheet, 6, 1));
        Assert.Equal(("Fit", why), (file.Text(Sheet, 12, 1), file.Text(Sheet, 12, 2)));
        Assert.Empty(file.Pictures(Sheet));
    }

    [Fact]
    public void A_fit_that_did_not_converge_warns_even_with_terms_and_both_warnings_are_given_together()
    {
        Assert.Equal(["The model gives no estimates: the fit did not converge."],
            PredictorsSheet.Warnings(Reference with { Status = LogisticStatus.NotConverged, LowEventsPerVariable = false }));
        Assert.Equal(["The model gives no estimates: Converged.", "Fewer than 10 events per variable: the estimates are unreliable."],
            PredictorsSheet.Warnings(Reference with { Terms = null, LowEventsPerVariable = true }));
        Assert.Empty(PredictorsSheet.Warnings(Reference with { LowEventsPerVariable = false }));
    }
}
