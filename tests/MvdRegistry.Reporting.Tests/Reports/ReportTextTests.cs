using MvdRegistry.Application.Statistics;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Reporting.Reports;

namespace MvdRegistry.Reporting.Tests.Reports;

/// <summary>The report's words for a filter's surgery dates, when a year and a date both bound one side, and for a missing code.</summary>
public class ReportTextTests
{
    [Theory]
    // from year, from date, to year, to date: the dates covered (the later start and the earlier end win)
    [InlineData(2016, "2015-03-01", null, null, "from 2016-01-01")]
    [InlineData(2014, "2015-03-01", null, null, "from 2015-03-01")]
    [InlineData(2015, "2015-01-01", null, null, "from 2015-01-01")]
    [InlineData(null, "2015-03-01", null, null, "from 2015-03-01")]
    [InlineData(null, null, 2018, "2020-01-01", "up to 2018-12-31")]
    [InlineData(null, null, 2020, "2018-06-30", "up to 2018-06-30")]
    [InlineData(null, null, null, "2018-06-30", "up to 2018-06-30")]
    [InlineData(null, null, 2019, null, "up to 2019-12-31")]
    [InlineData(2016, "2015-03-01", 2018, "2020-01-01", "2016-01-01 to 2018-12-31")]
    [InlineData(null, null, null, null, "all dates")]
    public void Surgery_dates_are_the_latest_start_and_the_earliest_end(int? fromYear, string? fromDate, int? toYear, string? toDate, string expected)
    {
        var filter = new StatisticsFilter
        {
            From = fromYear, SurgeryFrom = fromDate is null ? null : DateOnly.Parse(fromDate),
            To = toYear, SurgeryTo = toDate is null ? null : DateOnly.Parse(toDate),
        };

        Assert.Equal(expected, ReportText.SurgeryDates(filter));
    }

    [Fact]
    public void A_missing_code_has_no_words_and_a_code_its_dictionary_label()
    {
        Assert.Equal("", ReportText.Choice(Forms.Complication, "complication_type", null));
        Assert.Equal("Hemifacial spasm", ReportText.Choice(Forms.Case, "indication", "HFS"));
        Assert.Equal(("All indications", "Trigeminal neuralgia"), (ReportText.Indication("ALL"), ReportText.Indication("TN")));
    }
}
