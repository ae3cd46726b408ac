using MvdRegistry.Core.Bundle;
using MvdRegistry.Core.Demo;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;
using MvdRegistry.Core.Validation;

namespace MvdRegistry.Core.Tests.Validation;

/// <summary>
/// The cross-field rules and the required and applicable fields of one record (RecordValidator), where they live: each rule
/// on a valid demo record changed in one field, on both sides of its boundary (the same day is allowed, a day earlier is not).
/// The web form, the API and the import go through the same code; their tests show the messages reaching the user.
/// </summary>
public sealed class RecordValidatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    /// <summary>A fresh linked demo registry for each test: the records are changed in place.</summary>
    private static RegistryData Registry() => DemoGenerator.Generate(300, seed: 11, Today);

    private static Operation HfsOperation(RegistryData data) =>
        data.Operations.First(o => o.Indication == "HFS" && o.FollowUps.Count >= 2 && o.Patient?.BirthDate is not null);

    private static List<FieldIssue> On(RegistryRecord record, string column) =>
        RecordValidator.Validate(record).Where(i => i.Column == column).ToList();

    [Fact]
    public void A_valid_demo_record_of_every_form_has_no_issue()
    {
        var op = HfsOperation(Registry());

        Assert.DoesNotContain(RecordValidator.Validate(op), i => i.IsError);
        Assert.DoesNotContain(RecordValidator.Validate(op.FollowUps[0]), i => i.IsError);
    }

    [Fact]
    public void No_conflict_found_ticked_with_a_vessel_is_refused_and_alone_is_not()
    {
        var op = HfsOperation(Registry());
        op.VesselOp = "NONE|AICA";
        op.VesselPrimary = "AICA";
        var issue = Assert.Single(On(op, "vessel_op___NONE"));
        Assert.Equal("'No conflict found' cannot be ticked together with a vessel", issue.Message);
        Assert.True(issue.IsError);

        op.VesselOp = "NONE";
        op.VesselPrimary = "NONE";
        Assert.Empty(On(op, "vessel_op___NONE"));
    }

    [Fact]
    public void The_primary_vessel_must_be_one_of_the_vessels_found_at_surgery()
    {
        var op = HfsOperation(Registry());
        op.VesselOp = "AICA|PICA";
        op.VesselPrimary = "VA";
        var issue = Assert.Single(On(op, "vessel_primary"));
        Assert.Equal("Vertebral artery is not among the offending vessels ticked as found at surgery", issue.Message);

        op.VesselPrimary = "PICA";
        Assert.Empty(On(op, "vessel_primary"));
    }

    [Fact]
    public void Without_the_vessels_found_or_without_a_primary_vessel_the_primary_vessel_is_not_compared()
    {
        var op = HfsOperation(Registry());
        op.VesselOp = null;
        op.VesselPrimary = "VA";
        Assert.DoesNotContain(RecordValidator.Validate(op), i => i.Message.Contains("is not among", StringComparison.Ordinal));

        op.VesselOp = "AICA";
        op.VesselPrimary = null;
        Assert.DoesNotContain(RecordValidator.Validate(op), i => i.Message.Contains("is not among", StringComparison.Ordinal));
    }

    [Fact]
    public void Discharge_before_surgery_is_refused_and_the_same_day_is_not()
    {
        var op = HfsOperation(Registry());
        var surgery = op.SurgeryDate!.Value;
        op.DischargeDate = surgery.AddDays(-1);
        var issue = Assert.Single(On(op, "discharge_date"));
        Assert.Equal($"{surgery.AddDays(-1):yyyy-MM-dd} is before the date of surgery ({surgery:yyyy-MM-dd})", issue.Message);

        op.DischargeDate = surgery;
        Assert.Empty(On(op, "discharge_date"));
    }

    [Fact]
    public void Surgery_before_the_patient_s_birth_is_refused_and_on_the_day_of_birth_is_not()
    {
        var op = HfsOperation(Registry());
        var surgery = op.SurgeryDate!.Value;
        op.Patient!.BirthDate = surgery.AddDays(1);
        var issue = Assert.Single(On(op, "surgery_date"));
        Assert.Equal($"{surgery:yyyy-MM-dd} is before the patient's date of birth ({surgery.AddDays(1):yyyy-MM-dd})", issue.Message);

        op.Patient.BirthDate = surgery;
        Assert.Empty(On(op, "surgery_date"));
    }

    [Theory]
    [InlineData("HFS", "B", true)]
    [InlineData("HFS", "L", false)]
    [InlineData("TN", "B", false)]
    public void Bilateral_hemifacial_spasm_is_a_warning_to_confirm(string indication, string side, bool warned)
    {
        var op = HfsOperation(Registry());
        op.Indication = indication;
        op.Side = side;

        var issues = On(op, "side");

        if (!warned) Assert.Empty(issues);
        else
        {
            var issue = Assert.Single(issues);
            Assert.False(issue.IsError);
            Assert.Equal("bilateral hemifacial spasm is rare: please confirm the side", issue.Message);
        }
    }

    [Theory]
    [InlineData("no", true)]
    [InlineData("yes", false)]
    public void A_tumour_not_excluded_on_imaging_is_a_warning_to_confirm(string excluded, bool warned)
    {
        var study = Registry().Imaging.First(s => s.Operation is not null);
        study.TumorExcluded = excluded;

        var issues = On(study, "tumor_excluded");

        if (!warned) Assert.Empty(issues);
        else
        {
            var issue = Assert.Single(issues);
            Assert.Equal(Severity.Warning, issue.Severity);
            Assert.Equal("a tumour or other lesion was not excluded: a secondary cause; please confirm", issue.Message);
        }
    }

    [Fact]
    public void A_visit_before_surgery_is_refused_and_on_the_day_of_surgery_is_not()
    {
        var op = HfsOperation(Registry());
        var visit = op.FollowUps[0];
        var surgery = op.SurgeryDate!.Value;
        visit.VisitDate = surgery.AddDays(-1);
        var issue = Assert.Single(On(visit, "visit_date"));
        Assert.Equal($"{surgery.AddDays(-1):yyyy-MM-dd} is before the date of surgery ({surgery:yyyy-MM-dd})", issue.Message);

        visit.VisitDate = surgery;
        Assert.Empty(On(visit, "visit_date"));
    }

    [Fact]
    public void A_visit_after_the_earliest_recorded_death_is_refused_and_on_its_day_is_not()
    {
        var data = Registry();
        var op = HfsOperation(data);
        var surgery = op.SurgeryDate!.Value;
        var visit = op.FollowUps[0];
        op.Complications.Clear();
        op.Complications.Add(new Complication { ComplicationId = "X1", CaseId = op.CaseId, ComplicationType = "death", OnsetDate = surgery.AddDays(30), Operation = op });
        op.Complications.Add(new Complication { ComplicationId = "X2", CaseId = op.CaseId, ComplicationType = "death", OnsetDate = surgery.AddDays(10), Operation = op });
        op.Complications.Add(new Complication { ComplicationId = "X3", CaseId = op.CaseId, ComplicationType = "death", OnsetDate = null, Operation = op });
        op.Complications.Add(new Complication { ComplicationId = "X4", CaseId = op.CaseId, ComplicationType = "stroke", OnsetDate = surgery.AddDays(2), Operation = op });

        Assert.Equal(surgery.AddDays(10), OperationFacts.DeathDate(op));
        visit.VisitDate = surgery.AddDays(11);
        var issue = Assert.Single(On(visit, "visit_date"));
        Assert.Equal($"{surgery.AddDays(11):yyyy-MM-dd} is after the death recorded on {surgery.AddDays(10):yyyy-MM-dd}", issue.Message);

        visit.VisitDate = surgery.AddDays(10);
        Assert.Empty(On(visit, "visit_date"));
    }

    [Fact]
    public void An_operation_without_a_dated_death_has_no_death_date()
    {
        var op = HfsOperation(Registry());
        op.Complications.Clear();
        op.Complications.Add(new Complication { ComplicationId = "X3", CaseId = op.CaseId, ComplicationType = "death", OnsetDate = null, Operation = op });
        op.Complications.Add(new Complication { ComplicationId = "X4", CaseId = op.CaseId, ComplicationType = "stroke", OnsetDate = op.SurgeryDate, Operation = op });

        Assert.Null(OperationFacts.DeathDate(op));
    }

    [Fact]
    public void Two_visits_of_one_operation_on_the_same_date_are_refused_naming_the_other()
    {
        var op = HfsOperation(Registry());
        var (first, second) = (op.FollowUps[0], op.FollowUps[1]);
        Assert.Empty(On(second, "visit_date"));

        second.VisitDate = first.VisitDate;

        var issue = Assert.Single(On(second, "visit_date"));
        Assert.Equal($"operation {op.CaseId} already has visit {first.FollowupId} on {first.VisitDate:yyyy-MM-dd}: at most one visit per date", issue.Message);
    }

    [Fact]
    public void A_complication_before_surgery_is_refused_and_on_the_day_of_surgery_is_not()
    {
        var complication = Registry().Complications.First(c => c.Operation?.SurgeryDate is not null && c.ComplicationType != "death");
        var surgery = complication.Operation!.SurgeryDate!.Value;
        complication.OnsetDate = surgery.AddDays(-1);
        complication.ResolutionDate = null;
        complication.Resolved = "no";
        var issue = Assert.Single(On(complication, "onset_date"));
        Assert.Equal($"{surgery.AddDays(-1):yyyy-MM-dd} is before the date of surgery ({surgery:yyyy-MM-dd})", issue.Message);

        complication.OnsetDate = surgery;
        Assert.Empty(On(complication, "onset_date"));
    }

    [Fact]
    public void A_resolution_before_the_onset_is_refused_and_on_the_same_day_is_not()
    {
        var complication = Registry().Complications.First(c => c.Operation?.SurgeryDate is not null && c.ComplicationType != "death");
        var onset = complication.Operation!.SurgeryDate!.Value.AddDays(3);
        complication.OnsetDate = onset;
        complication.Resolved = "yes";
        complication.ResolutionDate = onset.AddDays(-1);
        var issue = Assert.Single(On(complication, "resolution_date"));
        Assert.Equal($"{onset.AddDays(-1):yyyy-MM-dd} is before the onset ({onset:yyyy-MM-dd})", issue.Message);

        complication.ResolutionDate = onset;
        Assert.Empty(On(complication, "resolution_date"));
    }

    [Theory]
    [InlineData("IVb", true)]
    [InlineData("V", false)]
    public void A_death_is_Clavien_Dindo_grade_V(string grade, bool refused)
    {
        var complication = Registry().Complications.First(c => c.Operation?.SurgeryDate is not null);
        complication.ComplicationType = "death";
        complication.ClavienDindo = grade;

        var issues = On(complication, "clavien_dindo");

        if (!refused) Assert.Empty(issues);
        else Assert.Equal("a death is Clavien-Dindo grade V, not IVb", Assert.Single(issues).Message);
    }

    [Fact]
    public void A_field_required_on_every_record_is_required()
    {
        var op = HfsOperation(Registry());
        op.SurgeonCode = null;

        Assert.Equal("is required", Assert.Single(On(op, "surgeon_code")).Message);
    }

    [Fact]
    public void A_field_required_where_it_applies_is_required_there_and_refused_elsewhere()
    {
        var op = HfsOperation(Registry());
        op.HfsOnset = null;
        Assert.Equal("is required", Assert.Single(On(op, "hfs_onset")).Message);

        op.TnType = "1";
        var issue = Assert.Single(On(op, "tn_type"));
        Assert.StartsWith("does not apply here: it applies only when ", issue.Message, StringComparison.Ordinal);
        Assert.EndsWith("; leave it empty", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_indication_a_field_that_depends_on_it_is_neither_refused_nor_required()
    {
        var op = HfsOperation(Registry());
        var visit = op.FollowUps[0];
        Assert.NotNull(visit.HfsStatus);

        // A visit whose operation is missing (an import's orphan row): only the missing operation is its problem.
        visit.Operation = null;
        Assert.DoesNotContain(RecordValidator.Validate(visit), i => i.Column == "hfs_status");

        // An operation whose indication is not given: the indication is required, and the HFS fields wait for it.
        op.Indication = null;
        op.TnType = "1";
        var issues = RecordValidator.Validate(op);
        Assert.Equal("is required", Assert.Single(issues, i => i.Column == "indication").Message);
        Assert.DoesNotContain(issues, i => i.Column is "hfs_onset" or "tn_type");

        // A rule on another field is still judged: botox_cycles without botulinum toxin before surgery.
        op.BotoxPrior = "no";
        op.BotoxCycles = 3;
        Assert.Single(On(op, "botox_cycles"));
    }

    [Fact]
    public void A_required_tick_box_question_with_nothing_ticked_asks_for_one()
    {
        var op = HfsOperation(Registry());
        op.VesselOp = "";
        op.VesselPrimary = null;

        Assert.Contains(RecordValidator.Validate(op), i => i.Message == "is required: choose at least one");
    }

    [Theory]
    [InlineData(25, true)]
    [InlineData(24, false)]
    [InlineData(23, false)]
    public void A_change_needs_a_reason_once_the_record_is_more_than_a_day_old(int hoursOld, bool required)
    {
        var now = new DateTime(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);

        Assert.Equal(required, ReasonForChange.IsRequired(now.AddHours(-hoursOld), now));
    }
}
