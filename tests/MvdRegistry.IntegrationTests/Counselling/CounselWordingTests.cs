using MvdRegistry.Core.Statistics;
using MvdRegistry.Web.Pages.Counselling;

namespace MvdRegistry.IntegrationTests.Counselling;

/// <summary>Probabilities in the counselling view's words: patients of 100, never "0" or "100", never "about more than".</summary>
public class CounselWordingTests
{
    [Theory]
    [InlineData(0.9746, "about 97 of 100")]
    [InlineData(0.765, "about 77 of 100")]
    [InlineData(0.0051, "about 1 of 100")]
    [InlineData(0.0049, "fewer than 1 of 100")]
    [InlineData(0.9949, "about 99 of 100")]
    [InlineData(0.995, "more than 99 of 100")]
    public void A_probability_is_told_as_patients_of_100(double p, string words) => Assert.Equal(words, CounselWording.Share(p));

    [Fact]
    public void An_interval_reaching_the_ends_says_under_1_and_over_99()
    {
        Assert.Equal("90 to 99", CounselWording.Range(new LogisticPrediction(0, 0, 0.97, 0.8953, 0.9942)));
        Assert.Equal("under 1 to 82", CounselWording.Range(new LogisticPrediction(0, 0, 0.02, 0.0004, 0.82)));
        Assert.Equal("87 to over 99", CounselWording.Range(new LogisticPrediction(0, 0, 0.99, 0.87, 0.9991)));
    }
}
