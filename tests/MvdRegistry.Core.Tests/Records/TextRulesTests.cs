using MvdRegistry.Core.Records;

namespace MvdRegistry.Core.Tests.Records;

/// <summary>The text rules on their own: a value shown in a message, and what begins like a formula.</summary>
public sealed class TextRulesTests
{
    [Fact]
    public void A_value_of_40_characters_is_shown_whole_and_a_longer_one_cut_at_40_with_an_ellipsis()
    {
        var forty = new string('a', 39) + "b";

        Assert.Equal(forty, TextRules.Show(forty));
        Assert.Equal(forty + "…", TextRules.Show(forty + "c"));
        Assert.Equal("", TextRules.Show(""));
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("=1+1", true)]
    [InlineData("+1", true)]
    [InlineData("-1", true)]
    [InlineData("@SUM", true)]
    [InlineData("a=1", false)]
    [InlineData(" =1", false)]
    public void A_value_begins_like_a_formula_only_by_its_first_character(string value, bool formula) =>
        Assert.Equal(formula, TextRules.StartsLikeFormula(value));
}
