using System.Text;
using MvdRegistry.Core.Bundle;
using MvdRegistry.Core.Dictionary;

namespace MvdRegistry.Core.Tests.Bundle;

/// <summary>
/// A file's first line must name the dictionary's columns, each once: otherwise the file is refused whole (none of its rows
/// read) with a problem per column, and its children are not also reported as orphans. A missing file is refused by name.
/// </summary>
public sealed class BundleHeaderTests
{
    private static readonly string Header = MemoryBundle.Header(Forms.Patient);
    private static readonly string Row = MemoryBundle.Patient("P1", "HOU1");

    /// <summary>patients.csv with this header and one valid row (cells in the dictionary's order), and an operation of P1.</summary>
    private static List<string> Problems(string header, string row)
    {
        var caseRow = string.Join(',', DataDictionary.Instance.Columns(Forms.Case).Select(c => c switch { "case_id" => "C1", "patient_id" => "P1", _ => "" }));
        var result = new MemoryBundle().Text(Forms.Patient, header + "\r\n" + row + "\r\n").Rows(Forms.Case, caseRow).Read();
        Assert.Empty(result.Data.Patients);
        return result.Problems.Where(p => p.File == "patients.csv" || p.Column == "patient_id").Select(p => p.ToString()).ToList();
    }

    [Fact]
    public void A_column_the_dictionary_does_not_have_is_refused()
    {
        Assert.Equal(["patients.csv:1: nickname: unknown column (not in the data dictionary's patient form)"], Problems(Header + ",nickname", Row + ",Bob"));
    }

    [Fact]
    public void A_column_of_the_dictionary_left_out_is_refused()
    {
        var header = string.Join(',', Header.Split(',').Where(c => c != "sex"));
        var row = string.Join(',', Row.Split(',').Where((_, i) => Header.Split(',')[i] != "sex"));

        Assert.Equal(["patients.csv:1: sex: missing column"], Problems(header, row));
    }

    [Fact]
    public void A_column_named_twice_is_refused()
    {
        Assert.Equal(["patients.csv:1: sex: column appears more than once"], Problems(Header + ",sex", Row + ",F"));
    }

    [Fact]
    public void A_trailing_comma_in_the_header_is_an_unnamed_unknown_column_not_an_empty_file()
    {
        Assert.Equal(["patients.csv:1: unknown column (not in the data dictionary's patient form)"], Problems(Header + ",", Row + ","));
    }

    [Fact]
    public void A_header_that_cannot_be_read_is_refused_at_its_column_or_by_its_position()
    {
        Assert.Equal(["patients.csv:1: sex\"x: a double quote inside an unquoted value: put the whole value in double quotes and double the quote (\"\")"],
            Problems(Header.Replace("sex", "sex\"x"), Row));

        var latin1 = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(Header)).Replace("mrn", "mrn\uFFFD");
        Assert.Equal(["patients.csv:1: field 3: the text is not valid UTF-8 (a byte that is not UTF-8, read as U+FFFD): save the file as \"CSV UTF-8\" and import it again"],
            Problems(latin1, Row));
    }

    [Fact]
    public void A_file_missing_from_the_bundle_is_refused_by_name_and_the_others_are_read()
    {
        var check = BundleCheck.Start(form => form == Forms.Imaging ? null : Open(form), MemoryBundle.Today, RegistryFacts.Empty);
        Stream Open(string form) => form == Forms.Patient
            ? new MemoryStream(Encoding.UTF8.GetBytes(Header + "\r\n" + Row + "\r\n"))
            : new MemoryStream(Encoding.UTF8.GetBytes(MemoryBundle.Header(form) + "\r\n"));

        Assert.True(check.HasProblems);
        var records = check.Records().ToList();

        Assert.Equal(["imaging.csv:0: file is missing from the bundle"], check.Result().Problems.Select(p => p.ToString()));
        Assert.Equal("P1", MvdRegistry.Core.Records.FieldAccess.Key(Assert.Single(records)));
        Assert.Equal([Forms.Patient, Forms.Case, Forms.FollowUp, Forms.Complication], check.FileHashes.Keys);
    }

    [Fact]
    public void The_result_is_asked_for_only_after_the_second_pass_and_the_second_pass_runs_once()
    {
        var check = BundleCheck.Start(form => new MemoryStream(Encoding.UTF8.GetBytes(MemoryBundle.Header(form) + "\r\n")), MemoryBundle.Today, RegistryFacts.Empty);

        Assert.Equal("the second pass has not run", Assert.Throws<InvalidOperationException>(() => check.Result()).Message);
        _ = check.Records().ToList();
        Assert.Equal("the second pass runs once", Assert.Throws<InvalidOperationException>(() => check.Records().ToList()).Message);
        Assert.False(check.HasProblems);
    }

    [Fact]
    public void An_empty_file_is_refused_and_its_childrens_parents_are_not_called_missing()
    {
        var caseRow = string.Join(',', DataDictionary.Instance.Columns(Forms.Case).Select(c => c switch { "case_id" => "C1", "patient_id" => "P1", _ => "" }));

        var result = new MemoryBundle().Text(Forms.Patient, "").Rows(Forms.Case, caseRow).Read();

        Assert.Contains("patients.csv:1: header: the file is empty: its first line must name the columns", result.Problems.Select(p => p.ToString()));
        Assert.DoesNotContain(result.Problems, p => p.Column == "patient_id");
    }

    [Fact]
    public void A_file_missing_from_a_bundle_folder_is_refused_by_name()
    {
        var folder = Directory.CreateTempSubdirectory("mvd-bundle-").FullName;
        try
        {
            foreach (var form in Forms.All.Where(f => f != Forms.Complication))
                File.WriteAllText(Path.Combine(folder, Forms.FileName(form)), MemoryBundle.Header(form) + "\r\n");

            var result = BundleReader.Read(folder, MemoryBundle.Today);

            Assert.Equal(["complications.csv:0: file is missing from the bundle"], result.Problems.Select(p => p.ToString()));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
