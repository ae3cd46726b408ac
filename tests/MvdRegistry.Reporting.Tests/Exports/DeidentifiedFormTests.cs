using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Reporting.Export.Deidentified;

namespace MvdRegistry.Reporting.Tests.Exports;

/// <summary>The dictionary's identifier column drives de-identification: remove, pseudonymise, shift, no.</summary>
public sealed class DeidentifiedFormTests
{
    private static readonly Pseudonyms Pseudonyms = new("a-test-secret-of-more-than-thirty-two-characters");

    private static Variable Var(string form, string name, VariableType type, string identifier) =>
        new(form, name, name, type, [], "", "", Requirement.No, "all", identifier, "");

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

    [Theory]
    [InlineData("Symptom duration before surgery (months)", "months")]
    [InlineData("Pure-tone average operated side (dB HL)", "dB HL")]
    [InlineData("Sex", "")]
    public void The_unit_is_what_the_label_names_in_parentheses(string label, string unit)
    {
        Assert.Equal(unit, DeidentifiedForm.UnitOf(label));
    }
}
