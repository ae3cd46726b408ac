using System.IO.Compression;
using System.Text;
using MvdRegistry.Reporting.Export.Deidentified;
using static MvdRegistry.Reporting.Tests.Exports.TestSheets;

namespace MvdRegistry.Reporting.Tests.Exports;

/// <summary>
/// The CSV files as R's <c>read.csv</c>, Stata's <c>import delimited</c> and Excel read them: UTF-8 without a byte-order mark,
/// CRLF, RFC 4180 quoting, a point for decimals; in a folder or a zip, with the scripts.
/// </summary>
public sealed class CsvExportWriterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mvd-csv-writer-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly Dictionary<string, string> Scripts = new() { ["read_export.R"] = "# R\n", ["read_export.do"] = "* Stata\n" };

    private static ExportSheet[] Sheets() =>
    [
        new("patients", [Column("patient"), Column("age"), Column("note")],
            Rows(["P-b", 90, "a, b"], ["P-c", null, "say \"no\""], ["P-d", -3, "two\r\nlines"], ["P-e", 0, "cr\ronly"], ["P-f", 7, "lf\nonly"]), 5),
        new("analysis", [Column("case"), Column("x")], Rows(["C-a", 1.5m], ["C-b", 1234567.125m], ["C-c", 2.50m], ["C-d", -0.001m]), 4),
        new("empty", [Column("a,b"), Column("c")], Rows(), 0),
    ];

    private const string Patients =
        "patient,age,note\r\nP-b,90,\"a, b\"\r\nP-c,,\"say \"\"no\"\"\"\r\nP-d,-3,\"two\r\nlines\"\r\nP-e,0,\"cr\ronly\"\r\nP-f,7,\"lf\nonly\"\r\n";
    private const string Analysis = "case,x\r\nC-a,1.5\r\nC-b,1234567.125\r\nC-c,2.5\r\nC-d,-0.001\r\n";
    private const string Empty = "\"a,b\",c\r\n";

    [Fact]
    public async Task A_folder_holds_a_file_per_sheet_quoted_as_RFC_4180_with_a_point_for_decimals_and_the_scripts()
    {
        var directory = Path.Combine(_folder, "out");
        var written = new List<(string, int)>();

        await CsvExportWriter.WriteFolderAsync(directory, Sheets(), Scripts, (sheet, count) => written.Add((sheet, count)), CancellationToken.None);

        Assert.Equal(new[] { "analysis.csv", "empty.csv", "patients.csv", "read_export.R", "read_export.do" },
            Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(Encoding.UTF8.GetBytes(Patients), File.ReadAllBytes(Path.Combine(directory, "patients.csv")));
        Assert.Equal(Encoding.UTF8.GetBytes(Analysis), File.ReadAllBytes(Path.Combine(directory, "analysis.csv")));
        Assert.Equal(Encoding.UTF8.GetBytes(Empty), File.ReadAllBytes(Path.Combine(directory, "empty.csv")));
        Assert.Equal(Encoding.UTF8.GetBytes("# R\n"), File.ReadAllBytes(Path.Combine(directory, "read_export.R")));
        Assert.Equal(
            new[] { ("patients", 1), ("patients", 2), ("patients", 3), ("patients", 4), ("patients", 5), ("analysis", 1), ("analysis", 2), ("analysis", 3), ("analysis", 4) },
            written);
    }

    [Fact]
    public async Task A_zip_holds_the_same_files_as_a_folder()
    {
        var path = Path.Combine(_folder, "out.zip");

        await CsvExportWriter.WriteZipAsync(path, Sheets(), Scripts, (_, _) => { }, CancellationToken.None);

        using var zip = ZipFile.OpenRead(path);
        Assert.Equal(new[] { "patients.csv", "analysis.csv", "empty.csv", "read_export.R", "read_export.do" }, zip.Entries.Select(e => e.FullName));
        string Read(string name)
        {
            using var stream = zip.GetEntry(name)!.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return Convert.ToHexString(copy.ToArray());
        }
        Assert.Equal(Convert.ToHexString(Encoding.UTF8.GetBytes(Patients)), Read("patients.csv"));
        Assert.Equal(Convert.ToHexString(Encoding.UTF8.GetBytes(Analysis)), Read("analysis.csv"));
        Assert.Equal(Convert.ToHexString(Encoding.UTF8.GetBytes(Empty)), Read("empty.csv"));
        Assert.Equal(Convert.ToHexString(Encoding.UTF8.GetBytes("* Stata\n")), Read("read_export.do"));
    }

    [Fact]
    public async Task Neither_a_folder_nor_a_zip_is_written_over()
    {
        var directory = Directory.CreateDirectory(Path.Combine(_folder, "taken")).FullName;
        File.WriteAllText(Path.Combine(directory, "patients.csv"), "kept");
        var zip = Path.Combine(_folder, "taken.zip");
        File.WriteAllText(zip, "kept");

        await Assert.ThrowsAsync<IOException>(() => CsvExportWriter.WriteFolderAsync(directory, Sheets(), Scripts, (_, _) => { }, CancellationToken.None));
        await Assert.ThrowsAsync<IOException>(() => CsvExportWriter.WriteZipAsync(zip, Sheets(), Scripts, (_, _) => { }, CancellationToken.None));

        Assert.Equal("kept", File.ReadAllText(Path.Combine(directory, "patients.csv")));
        Assert.Equal("kept", File.ReadAllText(zip));
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("HFS", "HFS")]
    [InlineData(-12, "-12")]
    [InlineData(2147483647, "2147483647")]
    public void A_value_is_written_as_the_text_R_reads_back(object? value, string text) => Assert.Equal(text, CsvExportWriter.Format(value));

    [Fact]
    public void A_decimal_keeps_its_digits_and_drops_trailing_zeros()
    {
        Assert.Equal("0.1", CsvExportWriter.Format(0.100m));
        Assert.Equal("3", CsvExportWriter.Format(3.000m));
        Assert.Equal("0.0000001", CsvExportWriter.Format(0.0000001m));
        Assert.Equal("-7.25", CsvExportWriter.Format(-7.25m));
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(true)]
    [InlineData(5L)]
    public void A_value_that_is_not_text_an_integer_or_a_decimal_is_refused(object value)
    {
        var e = Assert.Throws<InvalidOperationException>(() => CsvExportWriter.Format(value));
        Assert.Equal($"a de-identified export holds text and numbers only, not {value.GetType().Name}", e.Message);
    }

    [Fact]
    public void A_date_is_refused_so_that_no_calendar_date_can_reach_a_file()
    {
        var e = Assert.Throws<InvalidOperationException>(() => CsvExportWriter.Format(new DateOnly(2020, 1, 2)));
        Assert.Contains("DateOnly", e.Message);
    }
}
