using MvdRegistry.Reporting.Export.Deidentified;

namespace MvdRegistry.Reporting.Tests.Exports;

/// <summary>The codebook sheet (and codebook.csv) built from the data sheets' columns.</summary>
public sealed class CodebookTests
{
    [Fact]
    public async Task The_codebook_has_a_row_per_column_of_every_sheet_in_order_with_its_codes_as_code_equals_label()
    {
        ExportColumn[] patients =
        [
            new("patient", "Patient", ColumnTypes.Pseudonym, [], "", "patient.patient_id", "never empty"),
            new("sex", "Sex", ColumnTypes.Code, [new("F", "Female"), new("M", "Male")], "", "patient.sex", "not recorded"),
        ];
        ExportColumn[] analysis = [new("age", "Age at surgery", ColumnTypes.Integer, [], "years", "OUTCOMES.md 1", "unknown")];

        var codebook = Codebook.Of([("patients", patients), ("analysis", analysis)]);

        Assert.Equal("codebook", codebook.Name);
        Assert.Equal(new[] { "sheet", "column", "label", "type", "codes", "unit", "derivation", "empty_means" }, codebook.Columns.Select(c => c.Name));
        Assert.Equal(3, codebook.Expected);
        var rows = new List<object?[]>();
        await foreach (var row in codebook.Rows) rows.Add(row);
        Assert.Equal(
            new[]
            {
                new object?[] { "patients", "patient", "Patient", "pseudonym", "", "", "patient.patient_id", "never empty" },
                new object?[] { "patients", "sex", "Sex", "code", "F=Female|M=Male", "", "patient.sex", "not recorded" },
                new object?[] { "analysis", "age", "Age at surgery", "integer", "", "years", "OUTCOMES.md 1", "unknown" },
            },
            rows);
    }

    [Fact]
    public void The_codebook_describes_its_own_columns_as_text_each_with_its_own_label()
    {
        Assert.All(Codebook.Columns, c => Assert.Equal(ColumnTypes.Text, c.Type));
        Assert.All(Codebook.Columns, c => Assert.False(string.IsNullOrWhiteSpace(c.Label), c.Name));
        Assert.Equal(Codebook.Columns.Count, Codebook.Columns.Select(c => c.Label).Distinct().Count());
        Assert.Equal("The codes and their labels, code=label separated by |", Codebook.Columns.Single(c => c.Name == "codes").Label);
    }
}
