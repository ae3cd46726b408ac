using MvdRegistry.Reporting.Export.Deidentified;

namespace MvdRegistry.Reporting.Tests.Exports;

/// <summary>The filter as the audit trail, the Exports page and the codebook say it, and the request's output kind.</summary>
public sealed class ExportFilterTests
{
    [Fact]
    public void No_field_set_keeps_every_operation_and_says_so()
    {
        var filter = new ExportFilter();
        Assert.True(filter.KeepsAll);
        Assert.Empty(filter.SiteList);
        Assert.Equal("all operations", filter.ToString());
        Assert.True(new ExportFilter(Sites: []).KeepsAll);
    }

    [Fact]
    public void Each_field_alone_filters_and_is_named()
    {
        Assert.Equal("indication TN", Said(new ExportFilter(Indication: "TN")));
        Assert.Equal("sites BCN", Said(new ExportFilter(Sites: ["BCN"])));
        Assert.Equal("from 2015", Said(new ExportFilter(FromYear: 2015)));
        Assert.Equal("to 2020", Said(new ExportFilter(ToYear: 2020)));

        static string Said(ExportFilter filter)
        {
            Assert.False(filter.KeepsAll);
            return filter.ToString();
        }
    }

    [Fact]
    public void Every_field_is_said_in_the_order_of_the_form()
    {
        var filter = new ExportFilter("HFS", ["HOU", "BCN"], 2010, 2025);
        Assert.Equal("indication HFS; sites HOU,BCN; from 2010; to 2025", filter.ToString());
        Assert.Equal(new[] { "HOU", "BCN" }, filter.SiteList);
    }

    [Theory]
    [InlineData(ExportFormat.Csv, "out.zip", true)]
    [InlineData(ExportFormat.Csv, "OUT.ZIP", true)]
    [InlineData(ExportFormat.Csv, "out", false)]
    [InlineData(ExportFormat.Csv, "out.zip.d", false)]
    [InlineData(ExportFormat.Xlsx, "out.zip", false)]
    [InlineData(ExportFormat.Xlsx, "out.xlsx", false)]
    public void A_CSV_export_goes_into_a_zip_only_when_its_output_ends_in_zip(ExportFormat format, string output, bool zip) =>
        Assert.Equal(zip, new DeidentifiedExportRequest(format, output, new ExportFilter()).IsZip);

    [Fact]
    public void A_request_writes_sheets_of_Excel_s_size_unless_told_fewer() =>
        Assert.Equal(1_048_575, new DeidentifiedExportRequest(ExportFormat.Xlsx, "x.xlsx", new ExportFilter()).RowsPerSheet);
}
