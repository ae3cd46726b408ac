using MvdRegistry.Core.Bundle;

namespace MvdRegistry.Core.Tests.Bundle;

/// <summary>The CSV reader on its own: what it keeps of a field too long, and a stray quote however many.</summary>
public sealed class CsvRecordReaderTests
{
    private static CsvRecordReader Read(string text, int max)
    {
        var csv = new CsvRecordReader(new StringReader(text), max);
        Assert.True(csv.Read());
        return csv;
    }

    [Theory]
    [InlineData("abcdefgh,x\n")]
    [InlineData("\"abcdefgh\",x\n")]
    [InlineData("abc\"defgh,x\n")]
    public void A_field_longer_than_the_maximum_keeps_exactly_the_maximum_and_is_reported(string text)
    {
        var csv = Read(text, 5);

        Assert.Equal(5, csv.Fields[0].Length);
        Assert.Equal("x", csv.Fields[1]);
        Assert.Contains(csv.Faults, f => f.Kind == CsvFaultKind.TooLong && f.Field == 0 && f.Line == 1);
    }

    [Theory]
    [InlineData("abcde,x\n")]
    [InlineData("\"abcde\",x\n")]
    public void A_field_of_exactly_the_maximum_is_whole(string text)
    {
        var csv = Read(text, 5);

        Assert.Equal(["abcde", "x"], csv.Fields);
        Assert.Empty(csv.Faults);
    }

    [Theory]
    [InlineData("a\"b,x\n")]
    [InlineData("a\"b\"c,x\n")]
    [InlineData("a\"\"b,x\n")]
    public void Any_number_of_quotes_inside_an_unquoted_value_is_a_stray_quote(string text)
    {
        var csv = Read(text, 200);

        Assert.Equal(new CsvFault(CsvFaultKind.StrayQuote, 0, 1), Assert.Single(csv.Faults));
    }

    [Fact]
    public void The_last_record_without_a_line_end_is_read_and_then_the_file_ends()
    {
        var csv = new CsvRecordReader(new StringReader("a,b\r\nc,d"), 200);

        Assert.True(csv.Read());
        Assert.True(csv.Read());
        Assert.Equal(["c", "d"], csv.Fields);
        Assert.Equal(2, csv.Line);
        Assert.False(csv.Read());
        Assert.Empty(csv.Fields);
    }
}
