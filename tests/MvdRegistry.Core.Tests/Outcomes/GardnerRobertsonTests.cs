using MvdRegistry.Core.Outcomes;

namespace MvdRegistry.Core.Tests.Outcomes;

public class GardnerRobertsonTests
{
    [Theory]
    [InlineData(30, 70, "I")]
    [InlineData(30.1, 70, "II")]
    [InlineData(50, 50, "II")]
    [InlineData(10, 49, "III")] // the worse of PTA class I and SDS class III
    [InlineData(90, 5, "III")]
    [InlineData(90.5, 80, "IV")]
    [InlineData(20, 1, "IV")]
    [InlineData(20, 0, "V")]
    public void The_class_is_the_worse_of_the_pure_tone_and_speech_classes(double pta, int sds, string expected)
    {
        Assert.Equal(expected, GardnerRobertson.Classify((decimal)pta, sds));
    }

    [Fact]
    public void The_class_is_missing_when_either_value_is()
    {
        Assert.Null(GardnerRobertson.Classify(null, 90));
        Assert.Null(GardnerRobertson.Classify(20m, null));
    }

    [Fact]
    public void The_pre_operative_class_is_derived_from_the_pre_operative_values()
    {
        Assert.Equal("II", OperationBuilder.Hfs().With(o => { o.PtaDbPreop = 40m; o.SdsPctPreop = 96; }).Derive().GrClassPreop);
    }
}
