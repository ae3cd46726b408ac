using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;

namespace MvdRegistry.Core.Tests.Records;

/// <summary>
/// The type, code and range of each field as RecordCodec reads it (every path: bundle, page, API) and writes it back, where the
/// rules live: each range on both sides of its boundary, with the message the user reads. The ranges are the dictionary's
/// (data-dictionary.csv): symptom_duration_months 0 to 900, bmi 10 to 80, pta_db_preop -10 to 130, birth_date 1900-01-01 to today.
/// </summary>
public sealed class RecordCodecTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("900", 900)]
    [InlineData("12", 12)]
    [InlineData(" 12 ", 12)]
    [InlineData("12.0", 12)]
    [InlineData("+12", 12)]
    public void A_whole_number_within_its_range_is_read(string raw, int expected)
    {
        var (op, issues) = CodecReads.Case(("symptom_duration_months", raw));

        Assert.Empty(issues);
        Assert.Equal(expected, op.SymptomDurationMonths);
    }

    [Theory]
    [InlineData("-1", "-1 is below the minimum 0")]
    [InlineData("901", "901 is above the maximum 900")]
    [InlineData("2147483647", "2147483647 is above the maximum 900")]
    [InlineData("2147483648", "'2147483648' is not a whole number")]
    [InlineData("-2147483648", "'-2147483648' is not a whole number")]
    [InlineData("12.5", "'12.5' is not a whole number")]
    [InlineData("twelve", "'twelve' is not a whole number")]
    [InlineData("1e2", "'1e2' is not a whole number")]
    [InlineData("(12)", "'(12)' is not a whole number")]
    public void A_whole_number_out_of_range_or_not_whole_is_refused_and_left_empty(string raw, string message)
    {
        var (op, issues) = CodecReads.Case(("symptom_duration_months", raw));

        Assert.Equal(message, CodecReads.Single(issues, "symptom_duration_months"));
        Assert.Null(op.SymptomDurationMonths);
    }

    [Theory]
    [InlineData("bmi", "10", 10)]
    [InlineData("bmi", "80", 80)]
    [InlineData("bmi", "26.4", 26.4)]
    [InlineData("pta_db_preop", "-10", -10)]
    [InlineData("pta_db_preop", "-2.5", -2.5)]
    public void A_decimal_within_its_range_is_read(string column, string raw, double expected)
    {
        var (op, issues) = CodecReads.Case((column, raw));

        Assert.Empty(issues);
        Assert.Equal((decimal)expected, column == "bmi" ? op.Bmi : op.PtaDbPreop);
    }

    [Theory]
    [InlineData("bmi", "9.99", "9.99 is below the minimum 10")]
    [InlineData("bmi", "80.01", "80.01 is above the maximum 80")]
    [InlineData("bmi", "80.010", "80.01 is above the maximum 80")]
    [InlineData("pta_db_preop", "-10.5", "-10.5 is below the minimum -10")]
    [InlineData("bmi", "thin", "'thin' is not a number")]
    [InlineData("bmi", "2.6e1", "'2.6e1' is not a number")]
    public void A_decimal_out_of_range_or_not_a_number_is_refused_and_left_empty(string column, string raw, string message)
    {
        var (op, issues) = CodecReads.Case((column, raw));

        Assert.Equal(message, CodecReads.Single(issues, column));
        Assert.Null(column == "bmi" ? op.Bmi : op.PtaDbPreop);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("no")]
    [InlineData("unknown")]
    public void A_yes_no_answer_is_read(string raw)
    {
        var (op, issues) = CodecReads.Case(("redo", raw));

        Assert.Empty(issues);
        Assert.Equal(raw, op.Redo);
    }

    [Theory]
    [InlineData("Yes")]
    [InlineData("y")]
    [InlineData("1")]
    [InlineData("true")]
    public void Anything_else_for_a_yes_no_answer_is_refused(string raw)
    {
        var (op, issues) = CodecReads.Case(("redo", raw));

        Assert.Equal($"'{raw}' is not yes, no or unknown", CodecReads.Single(issues, "redo"));
        Assert.Null(op.Redo);
    }

    [Theory]
    [InlineData("1900-01-01")]
    [InlineData("2026-11-25")]
    public void A_date_on_either_bound_is_read(string raw)
    {
        var (patient, issues) = CodecReads.Patient("birth_date", raw);

        Assert.Empty(issues);
        Assert.Equal(DateOnly.Parse(raw, System.Globalization.CultureInfo.InvariantCulture), patient.BirthDate);
    }

    [Theory]
    [InlineData("1899-12-31", "1899-12-31 is before 1900-01-01")]
    [InlineData("2026-11-26", "2026-11-26 is in the future")]
    [InlineData("2026-02-30", "'2026-02-30' is not a date (yyyy-MM-dd)")]
    [InlineData("25/11/2026", "'25/11/2026' is not a date (yyyy-MM-dd)")]
    [InlineData("2026-11-25T00:00", "'2026-11-25T00:00' is not a date (yyyy-MM-dd)")]
    public void A_date_outside_its_range_or_not_iso_is_refused_and_left_empty(string raw, string message)
    {
        var (patient, issues) = CodecReads.Patient("birth_date", raw);

        Assert.Equal(message, CodecReads.Single(issues, "birth_date"));
        Assert.Null(patient.BirthDate);
    }

    [Fact]
    public void A_multi_choice_answered_1_or_0_for_every_choice_is_read_as_its_ticked_codes()
    {
        var (op, issues) = CodecReads.Case(("vessel_op___AICA", "1"), ("vessel_op___PICA", "0"), ("vessel_op___VA", " 1 "), ("vessel_op___SCA", "0"),
            ("vessel_op___VEIN", "0"), ("vessel_op___OTHER", "0"), ("vessel_op___NONE", "0"));

        Assert.Empty(issues);
        Assert.Equal("AICA|VA", op.VesselOp);
    }

    [Fact]
    public void A_multi_choice_all_0_is_answered_none_ticked_and_all_empty_is_not_answered()
    {
        var (none, noIssues) = CodecReads.Case(("tn_division___V1", "0"), ("tn_division___V2", "0"), ("tn_division___V3", "0"));
        Assert.Empty(noIssues);
        Assert.Equal("", none.TnDivision);

        var (empty, emptyIssues) = CodecReads.Case(("tn_division___V1", ""), ("tn_division___V2", null));
        Assert.Empty(emptyIssues);
        Assert.Null(empty.TnDivision);
    }

    [Fact]
    public void A_multi_choice_answered_for_some_choices_only_is_refused_on_its_first_column()
    {
        var (op, issues) = CodecReads.Case(("tn_division___V1", "1"), ("tn_division___V2", "0"));

        Assert.Equal("answer every choice with 1 or 0, or leave them all empty", CodecReads.Single(issues, "tn_division___V1"));
        Assert.Null(op.TnDivision);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("yes")]
    [InlineData("x")]
    public void A_multi_choice_column_holding_anything_but_1_or_0_is_refused_on_that_column(string raw)
    {
        var (op, issues) = CodecReads.Case(("tn_division___V1", "1"), ("tn_division___V2", raw), ("tn_division___V3", "0"));

        Assert.Equal($"'{raw}' is not 1 or 0", CodecReads.Single(issues, "tn_division___V2"));
        Assert.Null(op.TnDivision);
    }

    [Fact]
    public void A_column_given_as_null_counts_as_empty()
    {
        var (op, issues) = CodecReads.Case(("symptom_duration_months", null), ("redo", null));

        Assert.Empty(issues);
        Assert.Null(op.SymptomDurationMonths);
        Assert.Null(op.Redo);
    }

    [Fact]
    public void Writing_gives_each_value_as_a_file_column_and_a_multi_choice_a_1_or_0_per_choice()
    {
        var op = new Operation
        {
            CaseId = "C1",
            Redo = "no",
            SymptomDurationMonths = 36,
            Bmi = 26.40m,
            PtaDbPreop = -2.5m,
            SurgeryDate = new DateOnly(2025, 3, 4),
            VesselOp = "AICA|VA",
        };

        var row = RecordCodec.Write(op);

        Assert.Equal("C1", row["case_id"]);
        Assert.Equal("no", row["redo"]);
        Assert.Equal("36", row["symptom_duration_months"]);
        Assert.Equal("26.4", row["bmi"]);
        Assert.Equal("-2.5", row["pta_db_preop"]);
        Assert.Equal("2025-03-04", row["surgery_date"]);
        Assert.Equal("", row["discharge_date"]);
        Assert.Equal(["1", "0", "1", "0", "0", "0", "0"],
            new[] { "AICA", "PICA", "VA", "SCA", "VEIN", "OTHER", "NONE" }.Select(c => row["vessel_op___" + c]));
        // Not answered: every choice's column empty, and no column under the variable's own name.
        Assert.Equal(["", "", ""], new[] { "V1", "V2", "V3" }.Select(c => row["tn_division___" + c]));
        Assert.False(row.ContainsKey("vessel_op"));
        // One column per file column of the form, and nothing else.
        Assert.Equal(DataDictionary.Instance.Form(Forms.Case).SelectMany(v => v.Columns).Order(), row.Keys.Order());
    }

    [Fact]
    public void A_written_record_reads_back_the_same()
    {
        var op = new Operation { CaseId = "C1", Redo = "unknown", SymptomDurationMonths = 900, Bmi = 10m, SurgeryDate = CodecReads.Today, VesselOp = "NONE", TnDivision = "" };

        var (back, issues) = CodecReads.Case(RecordCodec.Write(op).Select(c => (c.Key, (string?)c.Value)).ToArray());

        Assert.Empty(issues);
        Assert.Equal((op.CaseId, op.Redo, op.SymptomDurationMonths, op.Bmi, op.SurgeryDate, op.VesselOp, op.TnDivision),
            (back.CaseId, back.Redo, back.SymptomDurationMonths, back.Bmi, back.SurgeryDate, back.VesselOp, back.TnDivision));
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData(157, "157")]
    [InlineData(-3, "-3")]
    [InlineData("text", "text")]
    public void Format_writes_nothing_for_null_and_a_number_in_the_invariant_culture(object? value, string expected) =>
        Assert.Equal(expected, RecordCodec.Format(value));

    [Fact]
    public void Format_writes_a_decimal_without_trailing_zeros_and_a_date_as_iso()
    {
        Assert.Equal("26.4", RecordCodec.Format(26.400m));
        Assert.Equal("0.000001", RecordCodec.Format(0.0000010m));
        Assert.Equal("80", RecordCodec.Format(80.0m));
        Assert.Equal("2026-01-05", RecordCodec.Format(new DateOnly(2026, 1, 5)));
    }
}
