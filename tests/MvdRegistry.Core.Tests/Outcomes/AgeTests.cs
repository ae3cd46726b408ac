using MvdRegistry.Core.Outcomes;

namespace MvdRegistry.Core.Tests.Outcomes;

public class AgeTests
{
    [Theory]
    [InlineData("2021-02-28", 20)] // common year: the birthday is not reached on 28 February
    [InlineData("2021-03-01", 21)] // ... but on 1 March
    [InlineData("2024-02-28", 23)] // leap year: not yet on the 28th
    [InlineData("2024-02-29", 24)] // ... reached on the day itself
    public void A_29_February_birthday_is_reached_on_1_March_in_common_years(string on, int expected)
    {
        Assert.Equal(expected, Age.YearsBetween(new DateOnly(2000, 2, 29), DateOnly.Parse(on)));
    }

    [Theory]
    [InlineData("2020-06-14", 49)]
    [InlineData("2020-06-15", 50)]
    public void The_age_goes_up_on_the_birthday_and_not_before(string on, int expected)
    {
        Assert.Equal(expected, Age.YearsBetween(new DateOnly(1970, 6, 15), DateOnly.Parse(on)));
    }

    [Fact]
    public void The_age_at_surgery_is_missing_without_a_birth_date()
    {
        Assert.Null(OperationBuilder.Hfs().With(o => o.Patient!.BirthDate = null).Derive().AgeAtSurgery);
    }

    [Theory]
    [InlineData(91, 90)]
    [InlineData(90, 90)]
    [InlineData(89, 89)]
    public void Exports_cap_the_age_at_90(int age, int expected)
    {
        Assert.Equal(expected, Age.CapForExport(age));
    }
}
