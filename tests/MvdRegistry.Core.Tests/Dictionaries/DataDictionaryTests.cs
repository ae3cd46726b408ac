using MvdRegistry.Core.Dictionary;

namespace MvdRegistry.Core.Tests.Dictionaries;

/// <summary>The data dictionary read from its CSV: the shared columns, the registry's own help column, and what it refuses.</summary>
public class DataDictionaryTests
{
    private const string Header = "form,variable,label,type,choices,min,max,required,applies_when,identifier,notes";

    [Fact]
    public void A_variable_keeps_its_notes_and_the_help_a_clinician_reads_under_its_field()
    {
        var key = DataDictionary.Instance.Get(Forms.Patient, "patient_id");

        Assert.Equal("Unique in the registry; replaced by a per-export pseudonym in de-identified exports", key.Notes);
        Assert.Equal("The registry's own key for this patient, e.g. P0000123. Leave it empty for a new one.", key.Help);
        Assert.Equal("pseudonymise", key.Identifier);
    }

    [Fact]
    public void A_dictionary_without_the_help_column_reads_with_no_help()
    {
        var dictionary = DataDictionary.Parse(new StringReader(Header + "\npatient,site_code,Site,text,,,,yes,all,no,Data access group\n"));

        var site = dictionary.Get(Forms.Patient, "site_code");
        Assert.Equal("Data access group", site.Notes);
        Assert.Equal("", site.Help);
    }

    [Theory]
    [InlineData("patient,x,X,colour,,,,yes,all,no,", "unknown variable type 'colour' in the data dictionary")]
    [InlineData("patient,x,X,text,,,,often,all,no,", "unknown required value 'often' in the data dictionary")]
    public void An_unknown_type_or_required_value_is_refused_by_name(string row, string message)
    {
        var error = Assert.Throws<FormatException>(() => DataDictionary.Parse(new StringReader(Header + "\n" + row + "\n")));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Patients_have_no_parent_operations_point_at_their_patient_and_every_other_form_at_its_operation()
    {
        Assert.Null(Forms.ParentColumn(Forms.Patient));
        Assert.Equal("patient_id", Forms.ParentColumn(Forms.Case));
        foreach (var form in Forms.All.Skip(2)) Assert.Equal("case_id", Forms.ParentColumn(form));
    }
}
