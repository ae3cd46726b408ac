using MvdRegistry.Core.Model;

namespace MvdRegistry.Core.Tests.Outcomes;

public class OutcomeDerivationTests
{
    [Fact]
    public void Resolution_at_the_first_visit_within_a_week_is_immediate()
    {
        var outcome = OperationBuilder.Hfs().Visit(7, "resolved").Visit(90, "resolved").Derive();

        Assert.True(outcome.ImmediateResolution);
        Assert.Equal(7, outcome.FirstResolutionDay);
        Assert.Null(outcome.DelayedResolution);
    }

    [Fact]
    public void Resolution_after_an_unresolved_first_week_is_delayed()
    {
        var outcome = OperationBuilder.Hfs().Visit(2, "partial").Visit(60, "resolved").Derive();

        Assert.False(outcome.ImmediateResolution);
        Assert.True(outcome.DelayedResolution);
        Assert.Equal(60, outcome.FirstResolutionDay);
    }

    [Fact]
    public void An_unresolved_first_week_never_followed_by_resolution_is_not_delayed_resolution()
    {
        var outcome = OperationBuilder.Hfs().Visit(2, "partial").Visit(60, "near_complete").Derive();

        Assert.False(outcome.ImmediateResolution);
        Assert.False(outcome.DelayedResolution);
        Assert.Null(outcome.FirstResolutionDay);
        Assert.Null(outcome.Recurrence);
    }

    [Fact]
    public void Without_a_visit_in_the_first_week_immediate_and_delayed_resolution_are_missing()
    {
        var outcome = OperationBuilder.Hfs().Visit(8, "resolved").Derive();

        Assert.Null(outcome.ImmediateResolution);
        Assert.Null(outcome.DelayedResolution);
        Assert.Equal(8, outcome.FirstResolutionDay);
    }

    [Fact]
    public void A_recurrence_is_the_first_partial_unchanged_or_worse_visit_after_resolution()
    {
        // near_complete after resolution is not a recurrence; partial on day 200 is.
        var outcome = OperationBuilder.Hfs()
            .Visit(1, "unchanged").Visit(30, "resolved").Visit(90, "near_complete").Visit(200, "partial").Visit(300, "worse")
            .Derive();

        Assert.True(outcome.Recurrence);
        Assert.Equal(200, outcome.RecurrenceDay);
    }

    [Fact]
    public void Resolution_that_holds_is_no_recurrence()
    {
        var outcome = OperationBuilder.Hfs().Visit(30, "resolved").Visit(90, "near_complete").Derive();

        Assert.False(outcome.Recurrence);
        Assert.Null(outcome.RecurrenceDay);
    }

    [Fact]
    public void An_operation_without_follow_up_has_every_follow_up_variable_missing()
    {
        var outcome = OperationBuilder.Hfs().Derive();

        Assert.Null(outcome.LastFuDay);
        Assert.Null(outcome.ImmediateResolution);
        Assert.Null(outcome.FirstResolutionDay);
        Assert.Null(outcome.Status1y);
        Assert.Null(outcome.Success1y);
        Assert.Null(outcome.Recurrence);
    }

    [Fact]
    public void Last_follow_up_and_length_of_stay_are_days_from_surgery()
    {
        var outcome = OperationBuilder.Hfs()
            .With(o => o.DischargeDate = OperationBuilder.Surgery.AddDays(4))
            .Visit(400).Visit(30)
            .Derive();

        Assert.Equal(400, outcome.LastFuDay);
        Assert.Equal(4, outcome.LosDays);
        Assert.Null(OperationBuilder.Hfs().Derive().LosDays);
    }

    [Theory]
    [InlineData("disappeared", true)]
    [InlineData("persisted", false)]
    [InlineData("absent", null)]
    [InlineData("not_recorded", null)]
    [InlineData(null, null)]
    public void Lsr_disappeared_is_known_only_for_disappeared_or_persisted(string? lsr, bool? expected)
    {
        Assert.Equal(expected, OperationBuilder.Hfs().With(o => o.LsrIntraop = lsr).Derive().LsrDisappeared);
    }

    [Theory]
    [InlineData("AICA|VA", true)]
    [InlineData("VA", true)]
    [InlineData("AICA|PICA", false)]
    [InlineData("", false)]
    [InlineData(null, null)]
    public void Vessel_va_is_whether_the_vessels_found_include_the_vertebral_artery(string? vessels, bool? expected)
    {
        Assert.Equal(expected, OperationBuilder.Hfs().With(o => o.VesselOp = vessels).Derive().VesselVa);
    }

    [Fact]
    public void Imaging_is_concordant_when_a_study_that_saw_a_conflict_names_the_vessel_found_at_surgery()
    {
        var outcome = OperationBuilder.Hfs().With(o => o.VesselPrimary = "PICA")
            .Imaging("yes", "AICA").Imaging("yes", "AICA|PICA")
            .Derive();

        Assert.True(outcome.ImagingConcordant);
    }

    [Fact]
    public void Imaging_is_discordant_when_the_studies_that_saw_a_conflict_name_other_vessels()
    {
        // The uncertain study naming PICA does not count: only nvc_detected = yes does.
        var outcome = OperationBuilder.Hfs().With(o => o.VesselPrimary = "PICA")
            .Imaging("yes", "AICA").Imaging("uncertain", "PICA")
            .Derive();

        Assert.False(outcome.ImagingConcordant);
    }

    [Fact]
    public void Imaging_concordance_is_missing_when_no_study_saw_a_conflict()
    {
        var outcome = OperationBuilder.Hfs().With(o => o.VesselPrimary = "PICA").Imaging("no", null).Imaging("uncertain", "PICA").Derive();

        Assert.Null(outcome.ImagingConcordant);
    }

    [Theory]
    [InlineData("partial", true)]
    [InlineData("unchanged", true)]
    [InlineData("worse", true)]
    [InlineData("near_complete", false)]
    [InlineData("resolved", false)]
    public void Each_of_partial_unchanged_and_worse_after_resolution_is_a_recurrence(string status, bool recurrence)
    {
        var outcome = OperationBuilder.Hfs().Visit(30, "resolved").Visit(200, status).Derive();

        Assert.Equal(recurrence, outcome.Recurrence);
        Assert.Equal(recurrence ? 200 : null, outcome.RecurrenceDay);
    }

    [Fact]
    public void A_visit_without_a_date_is_left_out_of_the_follow_up()
    {
        var outcome = OperationBuilder.Hfs().Visit(30, "near_complete").Visit(365, "resolved")
            .With(o => o.FollowUps.Add(new FollowUp { FollowupId = "F9", CaseId = o.CaseId, HfsStatus = "worse", Operation = o }))
            .Derive();

        Assert.Equal([30, 365], outcome.Visits.Select(v => v.Day));
        Assert.Equal(365, outcome.LastFuDay);
        Assert.Equal("resolved", outcome.Status1y);
        Assert.False(outcome.Recurrence);
    }

    [Fact]
    public void An_operation_for_another_indication_has_no_status_or_success_at_one_year()
    {
        var outcome = OperationBuilder.Hfs().With(o => o.Indication = "OTHER").Visit(365, "resolved", bniPain: "I").Derive();

        Assert.True(outcome.HasOneYearVisit);
        Assert.Null(outcome.Status1y);
        Assert.Null(outcome.Success1y);
        Assert.Null(outcome.FirstResolutionDay);
    }
}
