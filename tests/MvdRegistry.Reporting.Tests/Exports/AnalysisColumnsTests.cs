using System.Text.RegularExpressions;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Tests.Outcomes;
using MvdRegistry.Core.Tests.Support;
using MvdRegistry.Reporting.Export.Deidentified;

namespace MvdRegistry.Reporting.Tests.Exports;

/// <summary>
/// The analysis sheet's row of one operation: every derived variable of OUTCOMES.md in its column, booleans as 1 and 0, a value
/// that cannot be derived empty; expected values worked out by hand from the records and OUTCOMES.md's definitions.
/// </summary>
public sealed class AnalysisColumnsTests
{
    private static readonly Pseudonyms Pseudonyms = new("a-test-secret-of-more-than-thirty-two-characters");

    private static Dictionary<string, object?> RowOf(OperationBuilder operation)
    {
        var row = AnalysisColumns.Row(operation.Derive(), new AnalysisKeys("C-case", "P-patient", Pseudonyms));
        Assert.Equal(AnalysisColumns.Columns.Count, row.Length);
        return AnalysisColumns.Columns.Select((c, i) => (c.Name, Value: row[i])).ToDictionary(c => c.Name, c => c.Value);
    }

    [Fact]
    public void An_HFS_operation_resolved_at_once_recurring_later_with_a_permanent_palsy_and_a_major_CSF_leak()
    {
        var operation = OperationBuilder.Hfs().Born(new DateOnly(1925, 1, 1))
            .With(o =>
            {
                o.DischargeDate = OperationBuilder.Surgery.AddDays(4);
                o.LsrIntraop = "disappeared";
                o.VesselOp = "AICA|VA";
                o.VesselPrimary = "AICA";
            })
            .Imaging("yes", "AICA")
            .Visit(3, "resolved").Visit(300, "near_complete").Visit(365, "resolved").Visit(400, "partial")
            .Complication("facial_palsy", "no", onsetDay: 5, clavienDindo: "I")
            .Complication("csf_leak", "yes", onsetDay: 9, clavienDindo: "IIIb");

        var row = RowOf(operation);

        Assert.Equal("C-case", row["case_id"]);
        Assert.Equal("P-patient", row["patient_id"]);
        Assert.Equal("HOU", row["site_code"]);
        Assert.Equal("HFS", row["indication"]);
        Assert.Matches("^S-[a-z]{16}$", (string)row["surgeon_code"]!);
        Assert.Equal(2020, row["surgery_year"]);
        Assert.Equal(90, row["age_at_surgery"]); // 95 at surgery, shown as 90
        Assert.Equal(4, row["los_days"]);
        Assert.Equal(400, row["last_fu_day"]);
        Assert.Null(row["gr_class_preop"]);
        Assert.Equal(1, row["immediate_resolution"]);
        Assert.Equal(3, row["first_resolution_day"]);
        Assert.Null(row["delayed_resolution"]);
        Assert.Equal("resolved", row["status_1y"]); // day 365 is closer to 365 than day 300 or 400
        Assert.Equal(1, row["complete_1y"]);
        Assert.Equal(1, row["success_1y"]);
        Assert.Equal(1, row["recurrence"]); // day 300's near-complete is not a recurrence, day 400's partial is
        Assert.Equal(400, row["recurrence_day"]);
        Assert.Equal(1, row["lsr_disappeared"]);
        Assert.Equal(1, row["vessel_va"]);
        Assert.Equal(1, row["imaging_concordant"]);
        Assert.Equal(1, row["any_complication"]);
        Assert.Equal(1, row["any_permanent"]); // unresolved with the last visit on day 400 >= 180
        Assert.Equal(1, row["major"]); // the leak, Clavien-Dindo IIIb
        Assert.Equal(0, row["death_30d"]);
    }

    [Fact]
    public void A_TN_operation_without_visits_leaves_the_HFS_variables_and_one_year_status_empty_and_counts_no_complication()
    {
        var operation = OperationBuilder.Tn().With(o =>
        {
            o.Patient!.BirthDate = null;
            o.LsrIntraop = "persisted";
            o.VesselOp = "SCA";
            o.SurgeonCode = "";
        });

        var row = RowOf(operation);

        Assert.Null(row["surgeon_code"]);
        Assert.Null(row["age_at_surgery"]);
        Assert.Null(row["los_days"]);
        Assert.Null(row["last_fu_day"]);
        foreach (var hfsOnly in new[] { "immediate_resolution", "first_resolution_day", "delayed_resolution", "complete_1y", "recurrence", "recurrence_day" })
            Assert.Null(row[hfsOnly]);
        Assert.Null(row["status_1y"]);
        Assert.Null(row["success_1y"]);
        Assert.Equal(0, row["lsr_disappeared"]);
        Assert.Equal(0, row["vessel_va"]);
        Assert.Equal(0, row["any_complication"]);
        Assert.Equal(0, row["any_permanent"]);
        Assert.Equal(0, row["major"]);
        Assert.Equal(0, row["death_30d"]);
    }

    [Fact]
    public void A_TN_operation_succeeds_at_one_year_with_BNI_IIIb_and_a_death_on_day_30_is_major_and_counted()
    {
        var operation = OperationBuilder.Tn().Born(new DateOnly(1960, 6, 16))
            .Visit(270, bniPain: "IIIb")
            .Complication("death", "no", onsetDay: 30, clavienDindo: "V");

        var row = RowOf(operation);

        Assert.Equal(59, row["age_at_surgery"]); // a day short of 60
        Assert.Equal("IIIb", row["status_1y"]);
        Assert.Equal(1, row["success_1y"]);
        Assert.Null(row["complete_1y"]);
        Assert.Equal(1, row["major"]);
        Assert.Equal(1, row["death_30d"]);
        Assert.Equal(1, row["any_permanent"]); // every death is permanent
    }

    [Fact]
    public void The_codebook_entries_say_ones_and_zeros_units_and_the_one_year_status_codes_of_both_scales()
    {
        ExportColumn Column(string name) => AnalysisColumns.Columns.Single(c => c.Name == name);

        Assert.Equal("analysis", AnalysisColumns.Sheet);
        Assert.Equal(
            new[]
            {
                "case_id", "patient_id", "site_code", "indication", "surgeon_code", "surgery_year", "age_at_surgery", "los_days", "last_fu_day", "gr_class_preop",
                "immediate_resolution", "first_resolution_day", "delayed_resolution", "status_1y", "complete_1y", "success_1y", "recurrence", "recurrence_day",
                "lsr_disappeared", "vessel_va", "imaging_concordant", "any_complication", "any_permanent", "major", "death_30d",
            },
            AnalysisColumns.Columns.Select(c => c.Name));
        var immediate = Column("immediate_resolution");
        Assert.Equal(("binary", "1=Yes|0=No", "OUTCOMES.md: immediate_resolution", "no follow-up by day 7; HFS operations; empty for other indications"),
            (immediate.Type, Choice.Format(immediate.Codes), immediate.Derivation, immediate.Empty));
        Assert.Equal(("integer", "days", ""), (Column("los_days").Type, Column("los_days").Unit, Choice.Format(Column("los_days").Codes)));
        Assert.Equal("I|II|III|IV|V", string.Join("|", Column("gr_class_preop").Codes.Select(c => c.Code)));
        Assert.Equal("resolved|near_complete|partial|unchanged|worse|I|II|IIIa|IIIb|IV|V", string.Join("|", Column("status_1y").Codes.Select(c => c.Code)));
        Assert.Equal(("never empty", "1=Yes|0=No"), (Column("death_30d").Empty, Choice.Format(Column("death_30d").Codes)));
        Assert.Equal(("years", "birth date or surgery date not recorded"), (Column("age_at_surgery").Unit, Column("age_at_surgery").Empty));
    }

    [Fact]
    public void Every_derived_column_names_an_item_of_OUTCOMES_md_and_says_what_it_holds_and_what_an_empty_cell_means()
    {
        var outcomes = File.ReadAllText(SharedFolder.Design("OUTCOMES.md"));
        var derived = AnalysisColumns.Columns.Where(c => c.Derivation.StartsWith("OUTCOMES.md", StringComparison.Ordinal)).ToList();

        Assert.Equal(19, derived.Count);
        foreach (var column in derived)
        {
            var item = Regex.Match(column.Derivation, @"^OUTCOMES\.md(?:: |, )(?:derived variables: )?(\w+)").Groups[1].Value;
            Assert.True(item.Length > 0 && outcomes.Contains(item, StringComparison.Ordinal), $"{column.Name}: '{column.Derivation}' names no item of OUTCOMES.md");
        }
        Assert.All(AnalysisColumns.Columns.Except(derived), c => Assert.StartsWith("data dictionary ", c.Derivation));
        Assert.All(AnalysisColumns.Columns, c => Assert.False(string.IsNullOrWhiteSpace(c.Label) || string.IsNullOrWhiteSpace(c.Empty), c.Name));
        Assert.Equal(AnalysisColumns.Columns.Count, AnalysisColumns.Columns.Select(c => c.Label).Distinct().Count());
        Assert.All(AnalysisColumns.Columns.Where(c => c.Name.EndsWith("_day", StringComparison.Ordinal) || c.Name.EndsWith("_days", StringComparison.Ordinal)),
            c => Assert.Equal(("integer", "days"), (c.Type, c.Unit)));
    }
}
