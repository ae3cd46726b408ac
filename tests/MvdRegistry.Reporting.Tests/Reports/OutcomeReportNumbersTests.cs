using System.Text.Json.Nodes;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Reporting.Tests.Support;

namespace MvdRegistry.Reporting.Tests.Reports;

/// <summary>
/// The report of the reference registry, read back from the file: its numbers are R's expected.json
/// (registry-small) and the snapshot's, sheet by sheet.
/// </summary>
[Collection(ReportFilesCollection.Name)]
public sealed class OutcomeReportNumbersTests(ReportFilesFixture files) : IDisposable
{
    private readonly WorkbookFile _file = new(files.Whole);
    private static JsonNode Expected => ReferenceSnapshot.Expected;

    [Theory]
    [InlineData("HFS", "Hemifacial spasm")]
    [InlineData("TN", "Trigeminal neuralgia")]
    [InlineData("GPN", "Glossopharyngeal neuralgia")]
    public void Summary_benefit_and_risks_of_each_indication_are_Rs(string code, string label)
    {
        var benefit = Expected["benefit"]![code]!;
        var risk = Expected["complications"]![code]!;
        var first = _file.Row("Summary", 1, $"{label} ({benefit["operations"]!.GetValue<int>()} operations)");

        ReportAssert.Proportion(_file, "Summary", _file.Row("Summary", 2, "Success at 1 year", first), 3, benefit["success_1y"]!, code + " success");
        var missing = _file.Row("Summary", 2, "No 1-year status (missing)", first);
        ReportAssert.R(benefit["missing_1y"], _file.Number("Summary", missing, 3), code + " missing");
        ReportAssert.R(benefit["operations"], _file.Number("Summary", missing, 4), code + " operations");
        ReportAssert.Proportion(_file, "Summary", _file.Row("Summary", 2, "Any complication", first), 3, risk["any"]!["any"]!, code + " any");
        ReportAssert.Proportion(_file, "Summary", _file.Row("Summary", 2, "Any permanent complication", first), 3, risk["any"]!["permanent"]!, code + " permanent");
        ReportAssert.Proportion(_file, "Summary", _file.Row("Summary", 2, "Major complication (Clavien-Dindo IIIa+)", first), 3, risk["major"]!, code + " major");
        ReportAssert.Proportion(_file, "Summary", _file.Row("Summary", 2, "Death within 30 days", first), 3, risk["death_30d"]!, code + " death");
    }

    [Fact]
    public void Summary_hfs_course_and_the_risks_of_all_indications_are_Rs()
    {
        var hfs = Expected["benefit"]!["HFS"]!;
        ReportAssert.Proportion(_file, "Summary", _file.Row("Summary", 2, "Complete resolution at 1 year"), 3, hfs["complete_1y"]!, "complete");
        ReportAssert.Proportion(_file, "Summary", _file.Row("Summary", 2, "Immediate resolution (first visit by day 7)"), 3, hfs["immediate_resolution"]!, "immediate");
        ReportAssert.Proportion(_file, "Summary", _file.Row("Summary", 2, "Delayed resolution (not immediate, resolved later)"), 3, hfs["delayed_resolution"]!, "delayed");
        ReportAssert.Proportion(_file, "Summary", _file.Row("Summary", 2, "Recurrence after resolution"), 3, hfs["recurrence"]!, "recurrence");

        var all = Expected["complications"]!["ALL"]!;
        var first = _file.Row("Summary", 1, "All indications (419 operations)");
        ReportAssert.Proportion(_file, "Summary", _file.Row("Summary", 2, "Any permanent complication", first), 3, all["any"]!["permanent"]!, "ALL permanent");
    }

    [Fact]
    public void Complications_of_every_type_any_transient_and_permanent_are_Rs_and_the_snapshots()
    {
        var all = Expected["complications"]!["ALL"]!.AsObject();
        var first = _file.Row("Complications", 1, "All indications: 419 operations");
        var types = all.Where(t => t.Key is not ("any" or "major" or "death_30d")).ToArray();
        Assert.Equal(11, types.Length);
        foreach (var (type, counts) in types)
        {
            var label = DataDictionary.Instance.Get(Forms.Complication, "complication_type").LabelOf(type);
            var row = _file.Row("Complications", 1, label, first);
            ReportAssert.R(counts!["n_any"], _file.Number("Complications", row, 2), type + " any");
            ReportAssert.R(counts["any"]!["p"], _file.Number("Complications", row, 3), type + " any p");
            ReportAssert.R(counts["any"]!["lower"], _file.Number("Complications", row, 4), type + " any lower");
            ReportAssert.R(counts["any"]!["upper"], _file.Number("Complications", row, 5), type + " any upper");
            ReportAssert.R(counts["n_transient"], _file.Number("Complications", row, 6), type + " transient");
            ReportAssert.R(counts["n_permanent"], _file.Number("Complications", row, 10), type + " permanent");
            ReportAssert.R(counts["permanent"]!["p"], _file.Number("Complications", row, 11), type + " permanent p");
            ReportAssert.R(counts["permanent"]!["lower"], _file.Number("Complications", row, 12), type + " permanent lower");
            ReportAssert.R(counts["permanent"]!["upper"], _file.Number("Complications", row, 13), type + " permanent upper");
            // The transient share: n_transient over the denominator (419), its interval Wilson's.
            Assert.Equal(counts["n_transient"]!.GetValue<double>() / 419, _file.Number("Complications", row, 7)!.Value, 12);
        }
        var anyRow = _file.Row("Complications", 1, "Any complication", first);
        ReportAssert.R(all["any"]!["n_any"], _file.Number("Complications", anyRow, 2), "any");
        ReportAssert.R(all["any"]!["n_transient"], _file.Number("Complications", anyRow, 6), "any transient");
        ReportAssert.R(all["any"]!["n_permanent"], _file.Number("Complications", anyRow, 10), "any permanent");
        var major = _file.Row("Complications", 1, "Major (Clavien-Dindo IIIa or worse)", first);
        ReportAssert.R(all["major"]!["x"], _file.Number("Complications", major, 2), "major");
        ReportAssert.R(all["major"]!["p"], _file.Number("Complications", major, 3), "major p");
    }

    [Fact]
    public void Complications_has_a_table_for_all_indications_and_for_each_one()
    {
        foreach (var title in new[] { "All indications: 419 operations", "Hemifacial spasm: 289 operations", "Trigeminal neuralgia: 111 operations", "Glossopharyngeal neuralgia: 11 operations" })
            _file.Row("Complications", 1, title);
    }

    [Fact]
    public void Benefit_risk_strata_are_Rs()
    {
        var strata = Expected["strata"]!.AsArray();
        var all = strata.Single(s => s!["stratum"]!.GetValue<string>() == "all")!;
        var row = _file.Row("Benefit-risk", 1, "All HFS operations");
        ReportAssert.R(all["operations"], _file.Number("Benefit-risk", row, 3), "operations");
        ReportAssert.Proportion(_file, "Benefit-risk", row, 4, all["success_1y"]!, "success");
        ReportAssert.Proportion(_file, "Benefit-risk", row, 9, all["permanent"]!, "permanent");
        ReportAssert.R(all["lhh"], _file.Number("Benefit-risk", row, 14), "lhh");

        // Site levels: one row each, the stratum named on the first.
        var siteStart = _file.Row("Benefit-risk", 1, "Site");
        foreach (var level in strata.Where(s => s!["stratum"]!.GetValue<string>() == "site"))
        {
            var r = _file.Row("Benefit-risk", 2, level!["level"]!.GetValue<string>(), siteStart);
            ReportAssert.Proportion(_file, "Benefit-risk", r, 4, level["success_1y"]!, "site success");
            ReportAssert.Proportion(_file, "Benefit-risk", r, 9, level["permanent"]!, "site permanent");
            ReportAssert.R(level["lhh"], _file.Number("Benefit-risk", r, 14), "site lhh");
        }

        // A yes/no stratum's levels in words, not codes: "Repeat MVD on this side" (redo) Yes and No.
        var words = new Dictionary<string, string> { ["yes"] = "Yes", ["no"] = "No", ["unknown"] = "Unknown" };
        var redoStart = _file.Row("Benefit-risk", 1, "Repeat MVD on this side");
        var redo = strata.Where(s => s!["stratum"]!.GetValue<string>() == "redo").ToList();
        Assert.True(redo.Count >= 2);
        foreach (var level in redo)
        {
            var r = _file.Row("Benefit-risk", 2, words[level!["level"]!.GetValue<string>()], redoStart);
            ReportAssert.R(level["operations"], _file.Number("Benefit-risk", r, 3), "redo operations");
        }
    }

    [Fact]
    public void Predictors_terms_are_Rs_and_the_low_events_per_variable_warning_is_above_them()
    {
        var logistic = Expected["logistic"]!;
        var labels = new Dictionary<string, string>
        {
            ["intercept"] = "Intercept", ["age_per_10y"] = "Age (per 10 years)", ["male"] = "Male sex",
            ["symptom_duration_per_year"] = "Symptom duration (per year)", ["lsr_disappeared"] = "LSR disappeared",
            ["vessel_va"] = "Vertebral artery involved", ["botox_prior"] = "Botulinum toxin before surgery",
        };
        foreach (var term in logistic["terms"]!.AsArray())
        {
            var name = term!["term"]!.GetValue<string>();
            var row = _file.Row("Predictors", 1, labels[name]);
            ReportAssert.R(term["estimate"], _file.Number("Predictors", row, 2), name + " estimate");
            ReportAssert.R(term["std_error"], _file.Number("Predictors", row, 3), name + " se");
            ReportAssert.R(term["z"], _file.Number("Predictors", row, 4), name + " z");
            ReportAssert.R(term["p"], _file.Number("Predictors", row, 5), name + " p");
            if (name == "intercept") continue;
            ReportAssert.R(term["odds_ratio"], _file.Number("Predictors", row, 6), name + " or");
            ReportAssert.R(term["or_lower"], _file.Number("Predictors", row, 7), name + " or lower");
            ReportAssert.R(term["or_upper"], _file.Number("Predictors", row, 8), name + " or upper");
        }
        ReportAssert.R(logistic["n"], _file.Number("Predictors", _file.Row("Predictors", 1, "Complete cases"), 2), "n");
        ReportAssert.R(logistic["events"], _file.Number("Predictors", _file.Row("Predictors", 1, "Successes at 1 year"), 2), "events");
        ReportAssert.R(logistic["aic"], _file.Number("Predictors", _file.Row("Predictors", 1, "AIC"), 2), "aic");
        ReportAssert.R(logistic["events_per_variable"], _file.Number("Predictors", _file.Row("Predictors", 1, "Events per variable"), 2), "epv");
        Assert.Contains("Fewer than 10 events per variable", _file.Text("Predictors", 3, 1));
    }

    [Theory]
    [InlineData("time_to_resolution", 1, 0)]
    [InlineData("recurrence_free", 9, 1)]
    public void Survival_tables_and_medians_are_Rs(string curve, int column, int summaryRow)
    {
        var km = Expected["kaplan_meier"]![curve]!;
        var table = km["table"]!.AsArray();
        for (var i = 0; i < table.Count; i++)
        {
            var step = table[i]!;
            var row = 5 + i;
            ReportAssert.R(step["time"], _file.Number("Survival", row, column), $"{curve} time {i}");
            ReportAssert.R(step["n_risk"], _file.Number("Survival", row, column + 1), $"{curve} n_risk {i}");
            ReportAssert.R(step["n_event"], _file.Number("Survival", row, column + 2), $"{curve} n_event {i}");
            ReportAssert.R(step["surv"], _file.Number("Survival", row, column + 3), $"{curve} surv {i}");
            ReportAssert.R(step["std_err"], _file.Number("Survival", row, column + 4), $"{curve} std_err {i}");
            ReportAssert.R(step["lower"], _file.Number("Survival", row, column + 5), $"{curve} lower {i}");
            ReportAssert.R(step["upper"], _file.Number("Survival", row, column + 6), $"{curve} upper {i}");
        }
        Assert.Null(_file.Number("Survival", 5 + table.Count, column));

        var summary = 5 + summaryRow;
        ReportAssert.R(km["n"], _file.Number("Survival", summary, 18), curve + " n");
        ReportAssert.R(km["events"], _file.Number("Survival", summary, 19), curve + " events");
        ReportAssert.R(km["median"], _file.Number("Survival", summary, 20), curve + " median");
        ReportAssert.R(km["median_lower"], _file.Number("Survival", summary, 21), curve + " median lower");
        ReportAssert.R(km["median_upper"], _file.Number("Survival", summary, 22), curve + " median upper");
    }

    [Fact]
    public void Survival_log_rank_test_is_Rs()
    {
        var test = Expected["logrank_lsr"]!;
        var persisted = _file.Row("Survival", 17, "LSR persisted");
        ReportAssert.R(test["n"]![0], _file.Number("Survival", persisted, 18), "n persisted");
        ReportAssert.R(test["observed"]![0], _file.Number("Survival", persisted, 19), "observed persisted");
        ReportAssert.R(test["expected"]![0], _file.Number("Survival", persisted, 20), "expected persisted");
        var disappeared = _file.Row("Survival", 17, "LSR disappeared");
        ReportAssert.R(test["n"]![1], _file.Number("Survival", disappeared, 18), "n disappeared");
        ReportAssert.R(test["chisq"], _file.Number("Survival", _file.Row("Survival", 17, "Chi-square (1 df)"), 18), "chisq");
        ReportAssert.R(test["p"], _file.Number("Survival", _file.Row("Survival", 17, "p"), 18), "p");
    }

    [Fact]
    public void Sites_funnel_rows_and_the_registry_rate_are_Rs()
    {
        var sites = _file.Row("Surgeons and sites", 1, "Site");
        foreach (var site in Expected["funnel"]!["site"]!.AsArray())
        {
            var code = site!["code"]!.GetValue<string>();
            var row = _file.Row("Surgeons and sites", 1, code, sites);
            string[] keys = ["operations", "permanent", "rate", "lower", "upper", "limit95_lower", "limit95_upper", "limit998_lower", "limit998_upper"];
            for (var k = 0; k < keys.Length; k++)
                ReportAssert.R(site[keys[k]], _file.Number("Surgeons and sites", row, 2 + k), $"{code} {keys[k]}");
        }
        ReportAssert.R(Expected["funnel"]!["p0"], _file.Number("Surgeons and sites", _file.Row("Surgeons and sites", 1, "Registry rate (p0)"), 4), "p0");
    }

    [Fact]
    public void Surgeon_rows_hold_each_surgeons_counts_under_a_pseudonym_and_flag_those_above_the_limits()
    {
        var first = _file.Row("Surgeons and sites", 1, "Surgeon");
        var last = _file.Row("Surgeons and sites", 1, "Sites") - 1;
        var rows = Enumerable.Range(first + 1, last - first - 1).Where(r => _file.Text("Surgeons and sites", r, 1).Length > 0).ToArray();
        var expected = Expected["funnel"]!["surgeon"]!.AsArray();

        Assert.Equal(expected.Count, rows.Length);
        Assert.All(rows, r => Assert.Matches("^Surgeon [A-Z]+$", _file.Text("Surgeons and sites", r, 1)));
        Assert.Equal(
            expected.Select(s => (s!["operations"]!.GetValue<double>(), s["permanent"]!.GetValue<double>())).Order(),
            rows.Select(r => (_file.Number("Surgeons and sites", r, 2)!.Value, _file.Number("Surgeons and sites", r, 3)!.Value)).Order());
        var above95 = expected.Count(s => s!["rate"]!.GetValue<double>() > s["limit95_upper"]!.GetValue<double>());
        Assert.Equal(above95, rows.Count(r => _file.Text("Surgeons and sites", r, 11).StartsWith("above", StringComparison.Ordinal)));
    }

    [Fact]
    public void Completeness_rows_are_the_snapshots_against_the_80_percent_target()
    {
        var completeness = ReferenceSnapshot.Snapshot.Completeness;
        foreach (var site in completeness.Sites.Prepend(completeness.All))
        {
            var row = _file.Row("Completeness", 1, site == completeness.All ? "All" : site.Site);
            Assert.Equal(site.Operations, _file.Number("Completeness", row, 3));
            Assert.Equal(site.OneYearCapture.X, _file.Number("Completeness", row, 4));
            Assert.Equal(site.OneYearCapture.N, _file.Number("Completeness", row, 5));
            Same(site.OneYearCapture.P, _file.Number("Completeness", row, 6));
            Same(site.OneYearCapture.Lower, _file.Number("Completeness", row, 7));
            Same(site.OneYearCapture.Upper, _file.Number("Completeness", row, 8));
            Assert.Equal(0.8, _file.Number("Completeness", row, 9));
            Assert.Equal(site.OneYearCapture.P >= 0.8 ? "yes" : "no", _file.Text("Completeness", row, 10));
            Assert.Equal(site.Overdue, _file.Number("Completeness", row, 11));
        }
        Assert.Equal(["BCN", "HOU", "PIT", "SEO"], completeness.Sites.Select(s => s.Site));
    }

    [Fact]
    public void Cover_counts_are_the_populations()
    {
        ReportAssert.R(Expected["population"]!["operations"], _file.Number("Cover", _file.Row("Cover", 1, "Operations analysed"), 2), "operations");
        ReportAssert.R(Expected["population"]!["excluded_withdrawn"], _file.Number("Cover", _file.Row("Cover", 1, "Operations left out (consent withdrawn)"), 2), "withdrawn");
        ReportAssert.R(Expected["population"]!["by_indication"]!["HFS"], _file.Number("Cover", _file.Row("Cover", 1, "   Hemifacial spasm"), 2), "HFS");
        ReportAssert.R(Expected["population"]!["by_indication"]!["OTHER"], _file.Number("Cover", _file.Row("Cover", 1, "   Other"), 2), "OTHER");
    }

    /// <summary>The snapshot's number as the file holds it: Excel keeps 15 significant digits.</summary>
    private static void Same(double? expected, double? actual)
    {
        Assert.Equal(expected is null, actual is null);
        if (expected is { } e) Assert.Equal(e, actual!.Value, 1e-14 * Math.Max(1, Math.Abs(e)));
    }

    public void Dispose() => _file.Dispose();
}
