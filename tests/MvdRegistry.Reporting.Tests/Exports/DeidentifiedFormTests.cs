using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Reporting.Export.Deidentified;

namespace MvdRegistry.Reporting.Tests.Exports;

/// <summary>The dictionary's identifier column drives de-identification: remove, pseudonymise, shift, no.</summary>
public sealed class DeidentifiedFormTests
{
    private static readonly Pseudonyms Pseudonyms = new("a-test-secret-of-more-than-thirty-two-characters");

    /// <summary>A variable outside the dictionary, for a rule the dictionary does not exercise.</summary>
    private static Variable Var(string form, string name, string label, VariableType type, Requirement required, string appliesWhen, string identifier,
        params Choice[] choices) => new(form, name, label, type, choices, "", "", required, appliesWhen, identifier, "");

    private static Variable Var(string form, string name, VariableType type, string identifier) =>
        Var(form, name, name, type, Requirement.No, "all", identifier);

    private static DataDictionary Dictionary(params Variable[] extra) =>
        new(DataDictionary.Instance.Variables.Concat(extra).ToArray());

    [Fact]
    public void Removed_variables_are_not_columns()
    {
        var columns = DeidentifiedForm.Of(Forms.Patient, DataDictionary.Instance).Columns.Select(c => c.Name).ToList();

        Assert.DoesNotContain("mrn", columns);
        Assert.DoesNotContain("birth_date", columns);
        Assert.DoesNotContain("consent_withdrawn_date", columns);
        Assert.Contains("sex", columns);
    }

    [Fact]
    public void Every_date_of_the_dictionary_becomes_days_from_surgery_or_the_year_of_surgery()
    {
        var operations = DeidentifiedForm.Of(Forms.Case, DataDictionary.Instance);
        var surgery = new DateOnly(2020, 3, 1);
        var operation = new Operation { CaseId = "C1", PatientId = "P1", SurgeryDate = surgery, DischargeDate = surgery.AddDays(4), SurgeonCode = "HOU-S1" };

        var row = operations.Row(operation, new RowContext(surgery, new DateOnly(1925, 3, 2)), Pseudonyms);
        object? Cell(string name) => row[operations.Columns.Select(c => c.Name).ToList().IndexOf(name)];

        Assert.Equal(2020, Cell("surgery_year"));
        Assert.Equal(4, Cell("discharge_day"));
        Assert.Equal(90, Cell("age_at_surgery"));
        Assert.Matches("^S-[a-z]{16}$", (string)Cell("surgeon_code")!);
        Assert.Matches("^C-[a-z]{16}$", (string)Cell("case_id")!);
        Assert.DoesNotContain(operations.Columns, c => c.Name.EndsWith("_date", StringComparison.Ordinal));
        foreach (var form in Forms.All)
            Assert.DoesNotContain(DeidentifiedForm.Of(form, DataDictionary.Instance).Columns, c => c.Name.EndsWith("_date", StringComparison.Ordinal));
    }

    [Fact]
    public void A_visit_before_surgery_is_a_negative_day()
    {
        var imaging = DeidentifiedForm.Of(Forms.Imaging, DataDictionary.Instance);
        var surgery = new DateOnly(2020, 3, 1);

        var row = imaging.Row(new ImagingStudy { ImagingId = "I1", CaseId = "C1", ImagingDate = surgery.AddDays(-30) }, new RowContext(surgery), Pseudonyms);

        Assert.Equal(-30, row[imaging.Columns.Select(c => c.Name).ToList().IndexOf("imaging_day")]);
    }

    [Fact]
    public void A_date_the_dictionary_lets_through_stops_the_export()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DeidentifiedForm.Of(Forms.Patient, Dictionary(Var(Forms.Patient, "death_date", VariableType.Date, "no"))));

        Assert.Contains("patient.death_date", error.Message);
    }

    [Fact]
    public void An_unknown_identifier_rule_stops_the_export()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DeidentifiedForm.Of(Forms.Patient, Dictionary(Var(Forms.Patient, "nickname", VariableType.Text, "mask"))));

        Assert.Contains("'mask'", error.Message);
    }

    [Fact]
    public void A_new_variable_marked_remove_never_becomes_a_column()
    {
        var form = DeidentifiedForm.Of(Forms.Patient, Dictionary(Var(Forms.Patient, "phone", VariableType.Text, "remove")));

        Assert.DoesNotContain(form.Columns, c => c.Name == "phone");
    }

    /// <summary>A column and its codebook entry, as a tuple the assertions below can compare whole.</summary>
    private static (string, string, string, string, string, string, string) Entry(ExportColumn c) =>
        (c.Name, c.Label, c.Type, Choice.Format(c.Codes), c.Unit, c.Derivation, c.Empty);

    [Fact]
    public void Each_identifier_rule_writes_its_own_codebook_entry()
    {
        var dictionary = new DataDictionary(
        [
            Var(Forms.Complication, "complication_id", "Complication ID", VariableType.Text, Requirement.Yes, "all", DeidentifiedForm.Pseudonymise),
            Var(Forms.Complication, "onset_date", "Onset date", VariableType.Date, Requirement.Yes, "all", DeidentifiedForm.Shift),
            Var(Forms.Complication, "resolution_date", "Resolution date", VariableType.Date, Requirement.Applies, "resolved=yes", DeidentifiedForm.Shift),
            Var(Forms.Complication, "healed", "Healed on", VariableType.Date, Requirement.No, "all", DeidentifiedForm.Shift),
            Var(Forms.Complication, "note_date", "Noted", VariableType.Date, Requirement.No, "all", DeidentifiedForm.Remove),
            Var(Forms.Complication, "clavien_dindo", "Clavien-Dindo grade", VariableType.Choice, Requirement.No, "all", DeidentifiedForm.Keep,
                new Choice("I", "Grade I"), new Choice("II", "Grade II")),
            Var(Forms.Complication, "hearing_loss_degree", "Hearing loss", VariableType.Choice, Requirement.No, "complication_type=hearing", DeidentifiedForm.Keep,
                new Choice("mild", "Mild")),
            Var(Forms.Complication, "reoperation", "Reoperation", VariableType.YesNo, Requirement.Applies, "clavien_dindo=II", DeidentifiedForm.Keep),
            Var(Forms.Complication, "icu_stay", "ICU stay (days)", VariableType.Integer, Requirement.No, "all", DeidentifiedForm.Keep),
            Var(Forms.Complication, "drain_ml", "Drain output (ml)", VariableType.Decimal, Requirement.Yes, "all", DeidentifiedForm.Keep),
            Var(Forms.Complication, "site_note", "Where", VariableType.Text, Requirement.No, "all", DeidentifiedForm.Keep),
            Var(Forms.Complication, "signs", "Signs", VariableType.Multi, Requirement.No, "all", DeidentifiedForm.Keep, new Choice("a", "Ataxia"), new Choice("b", "Blur")),
            Var(Forms.Complication, "care", "Care", VariableType.Multi, Requirement.No, "reoperation=yes", DeidentifiedForm.Keep, new Choice("icu", "Intensive care")),
        ]);

        var form = DeidentifiedForm.Of(Forms.Complication, dictionary);

        Assert.Equal("complications", form.Sheet);
        var days = "as day({0}) of OUTCOMES.md: calendar days from the operation's surgery_date (surgery day 0, negative before surgery)";
        Assert.Equal(
            new[]
            {
                ("complication_id", "Complication ID", "pseudonym", "", "",
                    "data dictionary complication.complication_id, replaced by a pseudonym: HMAC-SHA-256 keyed by the registry's secret over this export's random salt; the same complication_id has the same pseudonym in every sheet of this export and another in the next export",
                    "never empty (required)"),
                ("onset_day", "Onset date, days from surgery", "integer", "", "days", "data dictionary complication.onset_date " + string.Format(days, "onset_date"), "no date recorded"),
                ("resolution_day", "Resolution date, days from surgery", "integer", "", "days", "data dictionary complication.resolution_date " + string.Format(days, "resolution_date"),
                    "no date recorded, or does not apply (applies when resolved=yes)"),
                ("healed_day", "Healed on, days from surgery", "integer", "", "days", "data dictionary complication.healed " + string.Format(days, "healed"), "no date recorded"),
                ("clavien_dindo", "Clavien-Dindo grade", "code", "I=Grade I|II=Grade II", "", "data dictionary complication.clavien_dindo", "not recorded"),
                ("hearing_loss_degree", "Hearing loss", "code", "mild=Mild", "", "data dictionary complication.hearing_loss_degree",
                    "not recorded, or does not apply (applies when complication_type=hearing)"),
                ("reoperation", "Reoperation", "code", "yes=Yes|no=No|unknown=Unknown", "", "data dictionary complication.reoperation", "does not apply (applies when clavien_dindo=II)"),
                ("icu_stay", "ICU stay (days)", "integer", "", "days", "data dictionary complication.icu_stay", "not recorded"),
                ("drain_ml", "Drain output (ml)", "decimal", "", "ml", "data dictionary complication.drain_ml", "never empty (required)"),
                ("site_note", "Where", "text", "", "", "data dictionary complication.site_note", "not recorded"),
                ("signs___a", "Signs: Ataxia", "binary", "1=Ticked|0=Not ticked", "", "data dictionary complication.signs, code a", "the question was not answered (all of its columns empty)"),
                ("signs___b", "Signs: Blur", "binary", "1=Ticked|0=Not ticked", "", "data dictionary complication.signs, code b", "the question was not answered (all of its columns empty)"),
                ("care___icu", "Care: Intensive care", "binary", "1=Ticked|0=Not ticked", "", "data dictionary complication.care, code icu",
                    "the question was not answered (all of its columns empty), or it does not apply (applies when reoperation=yes)"),
                ("complication_class", "Transient, permanent or indeterminate", "code", "transient=Transient|permanent=Permanent|indeterminate=Indeterminate", "",
                    "OUTCOMES.md, Complications: transient when resolved = yes; permanent when resolved = no and the operation's last_fu_day >= 180, and every death; indeterminate otherwise",
                    "never empty"),
            },
            form.Columns.Select(Entry));
    }

    [Fact]
    public void The_operations_sheet_ends_with_the_capped_age_and_the_visits_sheet_with_the_hearing_class()
    {
        var operations = DeidentifiedForm.Of(Forms.Case, DataDictionary.Instance);
        var followups = DeidentifiedForm.Of(Forms.FollowUp, DataDictionary.Instance);

        Assert.Equal("operations", operations.Sheet);
        Assert.Equal(("age_at_surgery", "Age at surgery", "integer", "", "years",
                "OUTCOMES.md, derived variables: age_at_surgery, whole years from birth_date to surgery_date; 90 and over shown as 90 (HIPAA Safe Harbor)",
                "birth date or surgery date not recorded"),
            Entry(operations.Columns[^1]));
        Assert.Equal("followups", followups.Sheet);
        Assert.Equal(("gr_class", "Gardner-Robertson hearing class at this visit", "code", "I=I|II=II|III=III|IV=IV|V=V", "",
                "OUTCOMES.md, derived variables: gr_class, from pta_db and sds_pct", "pta_db or sds_pct not recorded"),
            Entry(followups.Columns[^1]));
        Assert.Equal("patients", DeidentifiedForm.Of(Forms.Patient, DataDictionary.Instance).Sheet);
        Assert.Equal("imaging", DeidentifiedForm.Of(Forms.Imaging, DataDictionary.Instance).Sheet);
        Assert.Equal("visit_day", followups.Columns.Single(c => c.Name.EndsWith("_day", StringComparison.Ordinal)).Name);
    }

    [Fact]
    public void A_form_the_registry_does_not_have_has_no_sheet()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => DeidentifiedForm.SheetName("visit"));
        Assert.StartsWith("unknown form", e.Message);
    }

    [Fact]
    public void A_key_is_pseudonymised_by_its_form_and_any_other_value_by_its_variable()
    {
        Assert.Equal(Forms.Patient, DeidentifiedForm.PseudonymKind(DataDictionary.Instance.Get(Forms.Case, "patient_id")));
        Assert.Equal(Forms.Case, DeidentifiedForm.PseudonymKind(DataDictionary.Instance.Get(Forms.FollowUp, "case_id")));
        Assert.Equal("surgeon_code", DeidentifiedForm.PseudonymKind(DataDictionary.Instance.Get(Forms.Case, "surgeon_code")));
    }

    [Fact]
    public void A_multiple_choice_answer_is_a_one_or_a_zero_per_code_and_no_answer_is_empty()
    {
        var dictionary = new DataDictionary(
        [
            Var(Forms.Complication, "complication_id", "Complication ID", VariableType.Text, Requirement.Yes, "all", DeidentifiedForm.Pseudonymise),
            Var(Forms.Complication, "resolved", "Signs", VariableType.Multi, Requirement.No, "all", DeidentifiedForm.Keep, new Choice("a", "A"), new Choice("ab", "AB"), new Choice("b", "B")),
        ]);
        var form = DeidentifiedForm.Of(Forms.Complication, dictionary);
        object?[] Cells(string? answer, string id = "X1") =>
            form.Row(new Complication { ComplicationId = id, CaseId = "C1", Resolved = answer }, new RowContext(new DateOnly(2020, 1, 1)), Pseudonyms)[1..4];

        Assert.Equal(new object?[] { 1, 0, 1 }, Cells("a|b"));
        Assert.Equal(new object?[] { 0, 1, 0 }, Cells("ab"));
        Assert.Equal(new object?[] { 0, 0, 0 }, Cells(""));
        Assert.Equal(new object?[] { null, null, null }, Cells(null));
        Assert.Null(form.Row(new Complication { ComplicationId = "", CaseId = "C1" }, new RowContext(null), Pseudonyms)[0]);
    }

    [Theory]
    [InlineData("Symptom duration before surgery (months)", "months")]
    [InlineData("Pure-tone average operated side (dB HL)", "dB HL")]
    [InlineData("Sex", "")]
    public void The_unit_is_what_the_label_names_in_parentheses(string label, string unit)
    {
        Assert.Equal(unit, DeidentifiedForm.UnitOf(label));
    }
}
