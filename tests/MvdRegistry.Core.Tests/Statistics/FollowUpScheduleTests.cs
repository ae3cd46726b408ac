using MvdRegistry.Core.Outcomes;
using MvdRegistry.Core.Statistics.Snapshot;
using MvdRegistry.Core.Tests.Outcomes;

namespace MvdRegistry.Core.Tests.Statistics;

public class FollowUpScheduleTests
{
    [Theory]
    [InlineData(null, 30)]
    [InlineData(15, 30)] // 30 is more than 14 days after day 15
    [InlineData(16, 91)] // 30 is only 14 days after day 16: that visit counts for it
    [InlineData(350, 365)]
    [InlineData(351, 730)] // 365 is only 14 days after day 351
    [InlineData(400, 730)]
    [InlineData(1810, 1825)]
    [InlineData(1811, null)] // past the last target
    public void The_next_target_is_the_first_more_than_14_days_after_the_last_follow_up(int? lastFollowUp, int? expected)
    {
        Assert.Equal(expected, FollowUpSchedule.NextTarget(lastFollowUp));
    }

    [Theory]
    [InlineData(60, false)] // day 60 is 30 days past the day-30 target
    [InlineData(61, true)]
    public void An_operation_is_overdue_more_than_30_days_after_its_next_target(int asOfDay, bool expected)
    {
        var outcome = OperationBuilder.Hfs().Derive();

        var overdue = FollowUpSchedule.Overdue(outcome, OperationBuilder.Surgery.AddDays(asOfDay));

        Assert.Equal(expected, overdue is not null);
    }

    [Fact]
    public void An_overdue_visit_names_its_target()
    {
        var outcome = OperationBuilder.Hfs().Visit(35).Derive();

        var overdue = FollowUpSchedule.Overdue(outcome, OperationBuilder.Surgery.AddDays(200));

        Assert.Equal(91, overdue!.TargetDay);
        Assert.Equal(OperationBuilder.Surgery.AddDays(91), overdue.TargetDate);
        Assert.Equal(109, overdue.DaysLate);
    }

    [Fact]
    public void An_operation_with_a_recorded_death_is_never_overdue()
    {
        var outcome = OperationBuilder.Hfs().Complication("death", "no", onsetDay: 40, clavienDindo: "V").Derive();

        Assert.Null(FollowUpSchedule.Overdue(outcome, OperationBuilder.Surgery.AddDays(1000)));
    }

    [Theory]
    [InlineData(539, 0)]
    [InlineData(540, 1)]
    public void One_year_capture_counts_operations_from_540_days_before_as_of(int asOfDay, int expectedEligible)
    {
        var outcome = OperationBuilder.Hfs().Visit(365).Derive();

        var completeness = CompletenessSection.Build([outcome], OperationBuilder.Surgery.AddDays(asOfDay));

        Assert.Equal(expectedEligible, completeness.All.OneYearCapture.N);
        Assert.Equal(expectedEligible, completeness.All.OneYearCapture.X);
    }

    [Fact]
    public void An_operation_without_a_visit_in_the_one_year_window_is_not_captured()
    {
        OperationOutcome[] outcomes = [OperationBuilder.Hfs().Visit(200).Visit(600).Derive(), OperationBuilder.Hfs().Visit(300).Derive()];

        var completeness = CompletenessSection.Build(outcomes, OperationBuilder.Surgery.AddDays(1000));

        Assert.Equal((1, 2), (completeness.All.OneYearCapture.X, completeness.All.OneYearCapture.N));
        Assert.Equal("HOU", Assert.Single(completeness.Sites).Site);
    }

    [Theory]
    // Surgery 2009-03-02, last seen at one year, asked in 2024: the 5-year visit is the latest missed.
    [InlineData("2009-03-02", 365, "2024-11-30", 1825)]
    // No visit yet, 100 days after surgery: the 1-month visit (day 30) is 70 days past; day 91 only 9.
    [InlineData("2024-01-01", null, "2024-04-10", 30)]
    // Day 91 + 31: the 3-month visit is 31 days past, so it is the latest missed.
    [InlineData("2024-01-01", 30, "2024-05-02", 91)]
    // Seen at day 400, asked on day 760: the 2-year visit (730) is 30 days past, not more: nothing missed.
    [InlineData("2024-01-01", 400, "2026-01-30", null)]
    // Schedule complete: nothing to miss.
    [InlineData("2009-03-02", 1825, "2024-11-30", null)]
    public void The_latest_missed_visit_is_the_last_target_more_than_30_days_past_from_the_next_one_on(string surgery, int? lastVisitDay, string asOf, int? expected)
    {
        Assert.Equal(expected, FollowUpSchedule.LatestMissedTarget(DateOnly.Parse(surgery), lastVisitDay, DateOnly.Parse(asOf)));
    }
}
