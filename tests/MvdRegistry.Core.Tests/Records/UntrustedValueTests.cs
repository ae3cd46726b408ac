using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;

namespace MvdRegistry.Core.Tests.Records;

/// <summary>The value rules every path (bundle, page, API) passes through: RecordCodec.Read.</summary>
public class UntrustedValueTests
{
    [Theory]
    [InlineData("P1")]
    [InlineData("HOU-2025-017")]
    [InlineData("a.b_c-9")]
    [InlineData("0")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345")] // 32 characters
    public void A_key_of_ascii_letters_digits_dash_underscore_and_dot_is_read(string key)
    {
        var (patient, issues) = CodecReads.Patient("patient_id", key);

        Assert.Empty(issues);
        Assert.Equal(key, patient.PatientId);
    }

    [Theory]
    [InlineData("P1é")]
    [InlineData("P1/../X")]
    [InlineData("P1\\X")]
    [InlineData("P 1")]
    [InlineData("P1%2F")]
    [InlineData("..")]
    [InlineData(".P1")]
    [InlineData("_P1")]
    [InlineData("-P1")]
    [InlineData("=P1")]
    [InlineData("Ｐ1")] // fullwidth P
    [InlineData("P١")] // Arabic-Indic digit one
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456")] // 33 characters
    public void A_key_outside_the_syntax_is_refused_and_left_empty(string key)
    {
        var (patient, issues) = CodecReads.Patient("patient_id", key);

        Assert.Equal($"'{key}' is not a valid key: 1 to 32 letters A-Z, digits, '-', '_' or '.', beginning with a letter or a digit", CodecReads.Single(issues, "patient_id"));
        Assert.Null(patient.PatientId);
    }

    [Theory]
    [InlineData(Forms.Case, "case_id")]
    [InlineData(Forms.Case, "patient_id")]
    [InlineData(Forms.Imaging, "imaging_id")]
    [InlineData(Forms.FollowUp, "followup_id")]
    [InlineData(Forms.Complication, "complication_id")]
    [InlineData(Forms.Complication, "case_id")]
    public void Every_key_column_of_every_form_follows_the_key_syntax(string form, string column)
    {
        var record = (RegistryRecord)Activator.CreateInstance(FieldAccess.EntityType(form))!;

        var issues = RecordCodec.Read(form, new Dictionary<string, string?> { [column] = "P1/../X" }, record, CodecReads.Today);

        Assert.Contains("is not a valid key", CodecReads.Single(issues, column));
    }

    [Theory]
    [InlineData("site_code", Forms.Patient)]
    [InlineData("surgeon_code", Forms.Case)]
    public void Site_and_surgeon_codes_follow_the_key_syntax(string column, string form)
    {
        var record = (RegistryRecord)Activator.CreateInstance(FieldAccess.EntityType(form))!;
        var good = RecordCodec.Read(form, new Dictionary<string, string?> { [column] = "HOU-S2" }, record, CodecReads.Today);
        var bad = RecordCodec.Read(form, new Dictionary<string, string?> { [column] = "HOU/S2" }, record, CodecReads.Today);

        Assert.Empty(good);
        Assert.Equal("'HOU/S2' is not a valid code: 1 to 32 letters A-Z, digits, '-', '_' or '.', beginning with a letter or a digit", CodecReads.Single(bad, column));
    }

    [Theory]
    [InlineData('\u0000', "U+0000")]
    [InlineData('\u0009', "U+0009 tab")]
    [InlineData('\u000A', "U+000A line feed")]
    [InlineData('\u000D', "U+000D carriage return")]
    [InlineData('\u001F', "U+001F")]
    [InlineData('\u007F', "U+007F")]
    [InlineData('\u200B', "U+200B")]
    [InlineData('\u200F', "U+200F")]
    [InlineData('\u202A', "U+202A")]
    [InlineData('\u202E', "U+202E")]
    [InlineData('\u2066', "U+2066")]
    [InlineData('\u2069', "U+2069")]
    public void A_control_or_invisible_format_character_is_refused_in_a_text_value(char c, string name)
    {
        var (patient, issues) = CodecReads.Patient("mrn", "HOU" + c + "123");

        Assert.Equal($"holds an invisible or control character ({name}) at position 4: type the value again without it", CodecReads.Single(issues, "mrn"));
        Assert.Null(patient.Mrn);
    }

    [Theory]
    [InlineData('\u0020')]
    [InlineData('\u0080')]
    [InlineData('\u200A')]
    [InlineData('\u2010')]
    [InlineData('\u2029')]
    [InlineData('\u202F')]
    [InlineData('\u2065')]
    [InlineData('\u206A')]
    [InlineData('é')]
    public void The_characters_next_to_the_forbidden_ranges_are_accepted(char c)
    {
        var (patient, issues) = CodecReads.Patient("mrn", "HOU" + c + "123");

        Assert.Empty(issues);
        Assert.Equal("HOU" + c + "123", patient.Mrn);
    }

    [Theory]
    [InlineData("\tHOU123")]
    [InlineData("HOU123\t")]
    [InlineData("\rHOU123")]
    [InlineData("HOU123\n")]
    public void A_control_character_at_either_end_is_refused_although_spaces_there_are_trimmed(string mrn)
    {
        var (_, issues) = CodecReads.Patient("mrn", mrn);

        Assert.StartsWith("holds an invisible or control character", CodecReads.Single(issues, "mrn"));
    }

    [Theory]
    [InlineData("case", "duration_min", "15\t0")]
    [InlineData("case", "surgery_date", "2025-01-10\u200B")]
    [InlineData("case", "side", "R\u202E")]
    [InlineData("case", "vessel_op___AICA", "1\u0000")]
    public void A_control_character_is_refused_in_numbers_dates_codes_and_ticks_too(string form, string column, string value)
    {
        var issues = RecordCodec.Read(form, new Dictionary<string, string?> { [column] = value }, new Operation(), CodecReads.Today);

        Assert.Contains(issues, i => i.Column == column && i.Message.StartsWith("holds an invisible or control character", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("=1+1")]
    [InlineData("+1")]
    [InlineData("-1")]
    [InlineData("@SUM(A1)")]
    [InlineData("  =HYPERLINK(\"x\")")]
    public void A_text_value_beginning_like_a_formula_is_refused(string mrn)
    {
        var (patient, issues) = CodecReads.Patient("mrn", mrn);

        Assert.Equal($"'{mrn.Trim()}' begins with {mrn.Trim()[0]}: a text value may not begin with =, +, - or @ (a spreadsheet would run it as a formula)", CodecReads.Single(issues, "mrn"));
        Assert.Null(patient.Mrn);
    }

    [Theory]
    [InlineData("HOU=1")]
    [InlineData("HOU-1")]
    [InlineData("a@b")]
    public void The_formula_characters_elsewhere_in_a_text_value_are_accepted(string mrn)
    {
        var (patient, issues) = CodecReads.Patient("mrn", mrn);

        Assert.Empty(issues);
        Assert.Equal(mrn, patient.Mrn);
    }

    [Fact]
    public void A_negative_number_is_a_number_not_a_formula()
    {
        var (operation, issues) = CodecReads.Case(("pta_db_preop", "-5"));

        Assert.Empty(issues);
        Assert.Equal(-5m, operation.PtaDbPreop);
    }

    [Theory]
    [InlineData("bmi", "26,4")]
    [InlineData("bmi", "1,000")]
    [InlineData("duration_min", "27,5")]
    [InlineData("duration_min", "1,000")]
    public void A_number_with_a_comma_is_refused_and_never_read_as_another_number(string column, string value)
    {
        var (operation, issues) = CodecReads.Case((column, value));

        Assert.Equal($"'{value}' has a comma: write a decimal with a point (26.4), and no thousands separator", CodecReads.Single(issues, column));
        Assert.Null(column == "bmi" ? operation.Bmi : operation.DurationMin);
    }

    [Fact]
    public void A_decimal_with_a_point_is_read()
    {
        var (operation, issues) = CodecReads.Case(("bmi", "26.4"));

        Assert.Empty(issues);
        Assert.Equal(26.4m, operation.Bmi);
    }

    [Fact]
    public void A_text_value_is_at_most_200_characters()
    {
        var (atLimit, fine) = CodecReads.Patient("mrn", new string('A', 200));
        var (_, tooLong) = CodecReads.Patient("mrn", new string('A', 201));

        Assert.Empty(fine);
        Assert.Equal(200, atLimit.Mrn!.Length);
        Assert.Equal("is longer than 200 characters", CodecReads.Single(tooLong, "mrn"));
    }

    [Fact]
    public void A_long_bad_value_is_shortened_in_its_message()
    {
        var (_, issues) = CodecReads.Patient("sex", new string('X', 5000));

        Assert.Equal($"'{new string('X', 40)}…' is not one of the choices (F, M, U)", CodecReads.Single(issues, "sex"));
    }
}
