using MvdRegistry.Core.Dictionary;
using MvdRegistry.Reporting.Export.Deidentified;

namespace MvdRegistry.Reporting.Tests.Exports;

/// <summary>
/// read_export.do as Stata would read it (Stata does not run here, so its text is what is checked): each sheet imported, its
/// numbers made numeric, its codes numbered in codebook order with their labels, its variables labelled; and read_export.R's
/// two values. The R script is run on real exports by the integration tests.
/// </summary>
public sealed class ScriptTemplatesTests
{
    private static ExportColumn Column(string name, string type, params Choice[] codes) => new(name, name + " label", type, codes, "", "test", "nothing");

    private static IAsyncEnumerable<object?[]> NoRows() => AsyncEnumerable.Empty<object?[]>();

    private static readonly ExportSheet[] Sheets =
    [
        new("patients", [Column("patient_id", ColumnTypes.Pseudonym), Column("site_code", ColumnTypes.Text)], NoRows(), 0),
        new("analysis",
        [
            Column("indication", ColumnTypes.Code, new Choice("HFS", "Hemifacial \"spasm\""), new Choice("TN", "Trigeminal `neuralgia' $x")),
            Column("age_at_surgery", ColumnTypes.Integer),
            Column("ratio", ColumnTypes.Decimal),
            Column("success_1y", ColumnTypes.Binary, new Choice("1", "Yes"), new Choice("0", "No")),
            new("a_column_name_that_is_thirty_one", new string('x', 90), ColumnTypes.Code, [new Choice("a", "A")], "", "test", "nothing"),
        ], NoRows(), 0),
        new(Codebook.Sheet, Codebook.Columns, NoRows(), 0),
    ];

    private const string Patients = "* patients\n";
    private const string AnalysisLabels =
        "destring age_at_surgery ratio success_1y, replace\n" +
        "label define l_indication 1 `\"Hemifacial 'spasm'\"' 2 `\"Trigeminal 'neuralgia' x\"', replace\n" +
        "generate long _coded = .\n" +
        "replace _coded = 1 if indication == \"HFS\"\n" +
        "replace _coded = 2 if indication == \"TN\"\n" +
        "drop indication\nrename _coded indication\nlabel values indication l_indication\n" +
        "label variable indication `\"indication label\"'\n" +
        "label variable age_at_surgery `\"age_at_surgery label\"'\n" +
        "label variable ratio `\"ratio label\"'\n" +
        "label define l_success_1y 1 `\"Yes\"' 0 `\"No\"', replace\n" +
        "label values success_1y l_success_1y\n" +
        "label variable success_1y `\"success_1y label\"'\n" +
        "label define l_a_column_name_that_is_thirty_o 1 `\"A\"', replace\n" +
        "generate long _coded = .\n" +
        "replace _coded = 1 if a_column_name_that_is_thirty_one == \"a\"\n" +
        "drop a_column_name_that_is_thirty_one\nrename _coded a_column_name_that_is_thirty_one\nlabel values a_column_name_that_is_thirty_one l_a_column_name_that_is_thirty_o\n" +
        "label variable a_column_name_that_is_thirty_one `\"" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" + "\"'\n" +
        "save \"analysis.dta\", replace\n\n";

    [Fact]
    public void A_CSV_export_s_do_file_imports_each_data_file_as_text_then_types_and_labels_it()
    {
        var script = ScriptTemplates.Stata(Sheets, new ExportFilter("HFS"), workbook: null);

        Assert.Contains(
            Patients +
            "import delimited using \"patients.csv\", varnames(1) case(preserve) stringcols(_all) encoding(\"utf-8\") bindquotes(strict) clear\n" +
            "label variable patient_id `\"patient_id label\"'\n" +
            "label variable site_code `\"site_code label\"'\n" +
            "save \"patients.dta\", replace\n\n" +
            "* analysis\n" +
            "import delimited using \"analysis.csv\", varnames(1) case(preserve) stringcols(_all) encoding(\"utf-8\") bindquotes(strict) clear\n" +
            AnalysisLabels,
            script);
        Assert.DoesNotContain("codebook.csv", script);
        Assert.DoesNotContain("* codebook", script);
        Assert.Contains("* Filter of this export: indication HFS\n", script);
        Assert.Contains("if indication == \"Hemifacial 'spasm'\":l_indication", script);
        Assert.DoesNotContain("{{", script);
    }

    [Fact]
    public void An_xlsx_export_s_do_file_reads_each_sheet_and_appends_a_sheet_s_later_parts_in_order()
    {
        var script = ScriptTemplates.Stata(Sheets, new ExportFilter(), "my \"export\".xlsx", new Dictionary<string, int> { ["patients"] = 2, ["analysis"] = 3 });

        Assert.Contains(
            Patients +
            "import excel using \"my 'export'.xlsx\", sheet(\"patients_2\") firstrow case(preserve) allstring clear\n" +
            "tempfile part2\nsave `part2'\n" +
            "import excel using \"my 'export'.xlsx\", sheet(\"patients\") firstrow case(preserve) allstring clear\n" +
            "append using `part2'\n" +
            "label variable patient_id",
            script);
        Assert.Contains(
            "* analysis\n" +
            "import excel using \"my 'export'.xlsx\", sheet(\"analysis_2\") firstrow case(preserve) allstring clear\n" +
            "tempfile part2\nsave `part2'\n" +
            "import excel using \"my 'export'.xlsx\", sheet(\"analysis_3\") firstrow case(preserve) allstring clear\n" +
            "tempfile part3\nsave `part3'\n" +
            "import excel using \"my 'export'.xlsx\", sheet(\"analysis\") firstrow case(preserve) allstring clear\n" +
            "append using `part2' `part3'\n" +
            AnalysisLabels,
            script);
        Assert.Contains("* Filter of this export: all operations\n", script);
        Assert.DoesNotContain("sheet(\"codebook\")", script);
    }

    [Fact]
    public void The_R_script_names_its_workbook_and_filter_as_R_strings()
    {
        var script = ScriptTemplates.R(new ExportFilter("TN", ["BCN"]), "C:\\exports\\the \"one\".xlsx");

        Assert.Contains("workbook <- \"C:\\\\exports\\\\the \\\"one\\\".xlsx\"  # empty for a CSV export\n", script);
        Assert.Contains("export_filter <- \"indication TN; sites BCN\"\n", script);
        Assert.Contains("workbook <- \"\"  # empty for a CSV export\n", ScriptTemplates.R(new ExportFilter(), workbook: null));
        Assert.DoesNotContain("\r\n", script);
    }

    [Fact]
    public void Every_export_ships_both_scripts()
    {
        var scripts = ScriptTemplates.For(Sheets, new ExportFilter(), workbook: null);

        Assert.Equal(new[] { "read_export.R", "read_export.do" }, scripts.Keys);
        Assert.Equal(ScriptTemplates.Names, scripts.Keys);
        Assert.StartsWith("#", scripts["read_export.R"]);
        Assert.Contains("import delimited using \"patients.csv\"", scripts["read_export.do"]);
    }
}
