using System.Text;
using MvdRegistry.Core.Bundle;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;

namespace MvdRegistry.Core.Tests.Bundle;

/// <summary>What a bundle file must be, and the file:line: column: message for each way it can fail.</summary>
public class BundleContractTests
{
    private static readonly string PatientHeader = MemoryBundle.Header(Forms.Patient);
    private static readonly int PatientColumns = DataDictionary.Instance.Columns(Forms.Patient).Count;

    private static List<string> Problems(BundleReadResult result) => result.Problems.Select(p => p.ToString()).ToList();

    [Fact]
    public void Two_valid_patients_read_without_problems()
    {
        var result = new MemoryBundle().Patients(MemoryBundle.Patient("P1", "HOU1"), MemoryBundle.Patient("P2", "HOU2")).Read();

        Assert.Empty(result.Problems);
        Assert.Equal(["P1", "P2"], result.Data.Patients.Select(p => p.PatientId));
    }

    [Fact]
    public void A_row_with_fewer_fields_than_the_header_is_refused_and_not_read()
    {
        var short_ = MemoryBundle.Patient("P2", "HOU2");
        short_ = short_[..short_.LastIndexOf(',')]; // drops consent_withdrawn_date

        var result = new MemoryBundle().Patients(MemoryBundle.Patient("P1", "HOU1"), short_).Read();

        Assert.Equal([$"patients.csv:3: consent_withdrawn_date: the row has {PatientColumns - 1} fields but the header has {PatientColumns}: it ends before consent_withdrawn_date (no value is left blank by omission)"],
            Problems(result));
        Assert.DoesNotContain(result.Data.Patients, p => p.PatientId == "P2");
    }

    [Fact]
    public void A_row_with_more_fields_than_the_header_is_refused_naming_the_first_extra_field()
    {
        var result = new MemoryBundle().Patients(MemoryBundle.Patient("P1", "HOU1") + ",extra,more").Read();

        Assert.Equal([$"patients.csv:2: field {PatientColumns + 1}: the row has {PatientColumns + 2} fields but the header has {PatientColumns}: remove the extra fields, or quote a value that holds a comma"],
            Problems(result));
        Assert.Empty(result.Data.Patients);
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_refused_at_the_line_and_column_with_the_advice_to_save_as_csv_utf8()
    {
        var text = string.Join("\r\n", PatientHeader, MemoryBundle.Patient("P1", "HOU1"), MemoryBundle.Patient("P2", "HOUé2")) + "\r\n";
        var latin1 = Encoding.Latin1.GetBytes(text);

        var result = new MemoryBundle().Bytes(Forms.Patient, latin1).Read();

        Assert.Equal(["patients.csv:3: mrn: the text is not valid UTF-8 (a byte that is not UTF-8, read as U+FFFD): save the file as \"CSV UTF-8\" and import it again"],
            Problems(result));
        Assert.DoesNotContain(result.Data.Patients, p => p.Mrn!.Contains('\uFFFD'));
    }

    [Fact]
    public void Utf8_with_or_without_a_byte_order_mark_keeps_accented_letters_exactly()
    {
        var text = string.Join("\n", PatientHeader, MemoryBundle.Patient("P1", "HOUé1")) + "\n";
        var withMark = new MemoryBundle().Bytes(Forms.Patient, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]).Read();
        var without = new MemoryBundle().Text(Forms.Patient, text).Read();

        Assert.Empty(withMark.Problems);
        Assert.Empty(without.Problems);
        Assert.Equal("HOUé1", Assert.Single(withMark.Data.Patients).Mrn);
        Assert.Equal("HOUé1", Assert.Single(without.Data.Patients).Mrn);
    }

    [Fact]
    public void A_utf16_file_is_refused_as_not_utf8()
    {
        var text = string.Join("\r\n", PatientHeader, MemoryBundle.Patient("P1", "HOU1")) + "\r\n";
        var utf16 = new MemoryBundle().Bytes(Forms.Patient, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]).Read();

        Assert.Contains(utf16.Problems, p => p.File == "patients.csv" && p.Line == 1 && p.Message.Contains("save the file as \"CSV UTF-8\""));
        Assert.Empty(utf16.Data.Patients);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData("\r\n")]
    [InlineData(" , ,\n")]
    public void An_empty_file_or_one_without_a_header_is_refused(string content)
    {
        var result = new MemoryBundle().Text(Forms.Imaging, content).Read();

        Assert.Equal(["imaging.csv:1: header: the file is empty: its first line must name the columns"], Problems(result));
    }

    [Fact]
    public void An_unterminated_quote_is_refused_at_the_line_where_it_opens()
    {
        var result = new MemoryBundle().Patients(
            MemoryBundle.Patient("P1", "HOU1"),
            MemoryBundle.Patient("P2", "\"HOU2"),
            MemoryBundle.Patient("P3", "HOU3")).Read();

        Assert.Equal(["patients.csv:3: mrn: the double quote that opens this value is never closed: the rest of the file was read as part of it"], Problems(result));
    }

    [Fact]
    public void An_over_long_field_is_refused_without_reading_it_all_into_memory()
    {
        var huge = new string('9', 5_000_000);

        var result = new MemoryBundle().Patients(MemoryBundle.Patient("P1", "HOU1"), MemoryBundle.Patient("P2", huge), MemoryBundle.Patient("P3", "HOU3", ("sex", "X"))).Read();

        Assert.Equal(["patients.csv:3: mrn: the value is longer than 200 characters, the most the data dictionary allows",
            "patients.csv:4: sex: 'X' is not one of the choices (F, M, U)"], Problems(result));
    }

    [Fact]
    public void A_200_character_value_is_not_over_long()
    {
        var result = new MemoryBundle().Patients(MemoryBundle.Patient("P1", new string('9', 200))).Read();

        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Line_numbers_stay_physical_after_a_quoted_field_that_spans_lines()
    {
        var result = new MemoryBundle().Patients(
            MemoryBundle.Patient("P1", "\"HOU\r\n1\""),
            MemoryBundle.Patient("P2", "\"HOU\n\n2\""),
            MemoryBundle.Patient("P3", "HOU3", ("sex", "X"))).Read();

        Assert.Equal([
            "patients.csv:2: mrn: holds an invisible or control character (U+000D carriage return) at position 4: type the value again without it",
            "patients.csv:4: mrn: holds an invisible or control character (U+000A line feed) at position 4: type the value again without it",
            "patients.csv:7: sex: 'X' is not one of the choices (F, M, U)"], Problems(result));
    }

    [Fact]
    public void A_field_that_begins_on_a_later_line_of_its_record_is_reported_on_that_line()
    {
        var row = MemoryBundle.Patient("\"P\n1\"", "HOU1", ("sex", "X"));

        var result = new MemoryBundle().Patients(row).Read();

        Assert.Contains("patients.csv:2: patient_id: holds an invisible or control character (U+000A line feed) at position 2: type the value again without it", Problems(result));
        Assert.Contains("patients.csv:3: sex: 'X' is not one of the choices (F, M, U)", Problems(result));
    }

    [Fact]
    public void Lf_and_lone_cr_line_ends_count_as_lines_too()
    {
        var lf = new MemoryBundle().Text(Forms.Patient, PatientHeader + "\n" + MemoryBundle.Patient("P1", "HOU1") + "\n" + MemoryBundle.Patient("P2", "HOU2", ("sex", "X")) + "\n").Read();
        var cr = new MemoryBundle().Text(Forms.Patient, PatientHeader + "\r" + MemoryBundle.Patient("P1", "HOU1") + "\r" + MemoryBundle.Patient("P2", "HOU2", ("sex", "X"))).Read();

        Assert.Equal(["patients.csv:3: sex: 'X' is not one of the choices (F, M, U)"], Problems(lf));
        Assert.Equal(["patients.csv:3: sex: 'X' is not one of the choices (F, M, U)"], Problems(cr));
    }

    [Fact]
    public void A_quoted_value_with_a_comma_and_a_doubled_quote_is_read()
    {
        var result = new MemoryBundle().Patients(MemoryBundle.Patient("P1", "\"HOU,\"\"1\"\"\"")).Read();

        Assert.Empty(result.Problems);
        Assert.Equal("HOU,\"1\"", Assert.Single(result.Data.Patients).Mrn);
    }

    [Fact]
    public void A_stray_quote_or_text_after_a_closing_quote_is_refused()
    {
        var result = new MemoryBundle().Patients(MemoryBundle.Patient("P1", "HOU\"1"), MemoryBundle.Patient("P2", "\"HOU\"2")).Read();

        Assert.Equal([
            "patients.csv:2: mrn: a double quote inside an unquoted value: put the whole value in double quotes and double the quote (\"\")",
            "patients.csv:3: mrn: text after the closing double quote: a quote inside a quoted value must be doubled (\"\")"], Problems(result));
        Assert.Empty(result.Data.Patients);
    }

    [Fact]
    public void Blank_lines_are_skipped_and_still_counted()
    {
        var result = new MemoryBundle().Patients(MemoryBundle.Patient("P1", "HOU1"), "", new string(',', PatientColumns - 1), MemoryBundle.Patient("P2", "HOU2", ("sex", "X"))).Read();

        Assert.Equal(["patients.csv:5: sex: 'X' is not one of the choices (F, M, U)"], Problems(result));
    }

    [Fact]
    public void A_row_that_cannot_be_read_does_not_also_make_its_children_orphans()
    {
        var caseRow = string.Join(',', DataDictionary.Instance.Columns(Forms.Case).Select(c => c switch { "case_id" => "C1", "patient_id" => "P2", _ => "" }));
        var orphan = caseRow.Replace("C1,P2", "C2,P9");

        var result = new MemoryBundle()
            .Patients(MemoryBundle.Patient("P2", "HOU2") + ",extra")
            .Text(Forms.Case, string.Join("\r\n", MemoryBundle.Header(Forms.Case), caseRow, orphan) + "\r\n").Read();

        Assert.DoesNotContain(Problems(result), p => p.Contains("P2 is neither"));
        Assert.Contains("cases.csv:3: patient_id: P9 is neither in patients.csv nor in the registry", Problems(result));
    }

    [Fact]
    public void A_key_outside_the_syntax_is_refused_in_a_file_with_its_line()
    {
        var result = new MemoryBundle().Patients(MemoryBundle.Patient("P1", "HOU1"), MemoryBundle.Patient("P1/../X", "HOU2")).Read();

        Assert.Contains("patients.csv:3: patient_id: 'P1/../X' is not a valid key: 1 to 32 letters A-Z, digits, '-', '_' or '.', beginning with a letter or a digit", Problems(result));
    }

    [Fact]
    public void A_formula_and_a_decimal_comma_are_refused_in_a_file()
    {
        var result = new MemoryBundle().Patients(MemoryBundle.Patient("P1", "\"=HYPERLINK(\"\"http://x\"\")\"")).Read();

        Assert.Equal(["patients.csv:2: mrn: '=HYPERLINK(\"http://x\")' begins with =: a text value may not begin with =, +, - or @ (a spreadsheet would run it as a formula)"], Problems(result));
    }

    [Fact]
    public void Two_new_patients_of_one_site_with_one_mrn_are_refused_naming_the_first()
    {
        var result = new MemoryBundle().Patients(MemoryBundle.Patient("P1", "HOU1"), MemoryBundle.Patient("P2", "hou1")).Read();

        Assert.Equal(["patients.csv:3: mrn: MRN hou1 already belongs to patient P1 of site HOU (on line 2): one patient per MRN and site"], Problems(result));
    }

    [Fact]
    public void The_same_mrn_at_two_sites_is_two_patients()
    {
        var result = new MemoryBundle().Patients(MemoryBundle.Patient("P1", "X1"), MemoryBundle.Patient("P2", "X1", ("site_code", "BCN"))).Read();

        Assert.Empty(result.Problems);
    }

    [Fact]
    public void A_new_patient_with_the_mrn_of_a_registry_patient_is_refused_naming_that_patient()
    {
        var existing = new RegistryData();
        existing.Patients.Add(new Patient { PatientId = "P7", SiteCode = "HOU", Mrn = "HOU1", BirthDate = new(1970, 1, 1), Sex = "F", ConsentStatus = "consented" });

        var result = new MemoryBundle().Patients(MemoryBundle.Patient("P8", "HOU1")).Read(existing);

        Assert.Equal(["patients.csv:2: mrn: MRN HOU1 already belongs to patient P7 of site HOU (in the registry): one patient per MRN and site"], Problems(result));
    }

    [Fact]
    public void A_registry_patient_imported_again_keeps_its_own_mrn_but_cannot_take_another_patients()
    {
        var existing = new RegistryData();
        existing.Patients.Add(new Patient { PatientId = "P7", SiteCode = "HOU", Mrn = "HOU1", BirthDate = new(1970, 1, 1), Sex = "F", ConsentStatus = "consented" });
        existing.Patients.Add(new Patient { PatientId = "P8", SiteCode = "HOU", Mrn = "HOU2", BirthDate = new(1970, 1, 1), Sex = "F", ConsentStatus = "consented" });

        var same = new MemoryBundle().Patients(MemoryBundle.Patient("P7", "HOU1")).Read(existing);
        var taken = new MemoryBundle().Patients(MemoryBundle.Patient("P8", "HOU1")).Read(existing);

        Assert.Empty(same.Problems);
        Assert.Equal(["patients.csv:2: mrn: MRN HOU1 already belongs to patient P7 of site HOU (in the registry): one patient per MRN and site"], Problems(taken));
    }

    [Fact]
    public void A_row_without_a_key_is_refused_and_not_read()
    {
        var result = new MemoryBundle().Patients(MemoryBundle.Patient("", "HOU1")).Read();

        Assert.Equal(["patients.csv:2: patient_id: is required: every row needs its key"], Problems(result));
        Assert.Empty(result.Data.Patients);
    }

    [Fact]
    public void A_child_row_whose_parent_key_is_refused_is_reported_without_an_exception()
    {
        var caseRow = string.Join(',', DataDictionary.Instance.Columns(Forms.Case).Select(c => c switch { "case_id" => "C1", "patient_id" => "P 1", _ => "" }));

        var result = new MemoryBundle().Text(Forms.Case, MemoryBundle.Header(Forms.Case) + "\r\n" + caseRow + "\r\n").Read();

        Assert.Contains("cases.csv:2: patient_id: 'P 1' is not a valid key: 1 to 32 letters A-Z, digits, '-', '_' or '.', beginning with a letter or a digit", Problems(result));
    }
}
