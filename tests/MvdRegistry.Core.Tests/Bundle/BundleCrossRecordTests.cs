using MvdRegistry.Core.Bundle;
using MvdRegistry.Core.Demo;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;

namespace MvdRegistry.Core.Tests.Bundle;

/// <summary>
/// The checks across records, where they live (BundleCheck): keys met twice, missing parents, and each rule that reads another
/// record (a visit's operation, its death and its other visits, an operation's patient), whether that record is in the bundle or
/// already in the registry. The records are a small demo registry's, written as RecordCodec writes them.
/// </summary>
public sealed class BundleCrossRecordTests
{
    private static RegistryData Demo() => DemoGenerator.Generate(40, seed: 5, MemoryBundle.Today);

    private static List<string> Problems(BundleReadResult result) => result.Problems.Select(p => p.ToString()).ToList();

    /// <summary>An operation with at least two visits on different dates, its patient's birth date known.</summary>
    private static Operation Followed(RegistryData data) =>
        data.Operations.First(o => o.FollowUps.Select(f => f.VisitDate).Distinct().Count() >= 2 && o.Patient?.BirthDate is not null);

    private static string D(DateOnly? date) => date!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static Complication Death(string id, Operation op, DateOnly onset) =>
        new() { ComplicationId = id, CaseId = op.CaseId, ComplicationType = "death", OnsetDate = onset, ClavienDindo = "V", Resolved = "no" };

    /// <summary>The operation's patient, the operation, and these visits and complications as a bundle.</summary>
    private static MemoryBundle Course(Operation op, IEnumerable<string> visits, params string[] complications) => new MemoryBundle()
        .Rows(Forms.Patient, MemoryBundle.Line(op.Patient!))
        .Rows(Forms.Case, MemoryBundle.Line(op))
        .Rows(Forms.FollowUp, visits.ToArray())
        .Rows(Forms.Complication, complications);

    [Fact]
    public void A_demo_registry_written_as_a_bundle_reads_back_whole_and_linked_without_errors()
    {
        var demo = Demo();

        var result = MemoryBundle.Of(demo).Read();

        Assert.True(result.IsValid, string.Join("\n", result.Problems.Take(10)));
        Assert.Equal(demo.Patients.Select(p => p.PatientId), result.Data.Patients.Select(p => p.PatientId));
        Assert.Equal(demo.FollowUps.Select(f => f.FollowupId), result.Data.FollowUps.Select(f => f.FollowupId));
        Assert.All(result.Data.Operations, o => Assert.Equal(o.PatientId, o.Patient?.PatientId));
        Assert.All(result.Data.Imaging, s => Assert.Equal(s.CaseId, s.Operation?.CaseId));
        Assert.All(result.Data.FollowUps, f => Assert.Equal(f.CaseId, f.Operation?.CaseId));
        Assert.All(result.Data.Complications, c => Assert.Equal(c.CaseId, c.Operation?.CaseId));
    }

    [Fact]
    public void A_second_row_with_a_key_already_read_is_refused_naming_the_first_line_and_the_first_row_is_kept()
    {
        var result = new MemoryBundle().Patients(MemoryBundle.Patient("P1", "HOU1"), MemoryBundle.Patient("P2", "HOU2"), MemoryBundle.Patient("P1", "HOU3")).Read();

        Assert.Equal(["patients.csv:4: patient_id: duplicate key P1 (first on line 2)"], Problems(result));
        Assert.Equal(["HOU1", "HOU2"], result.Data.Patients.Select(p => p.Mrn));
    }

    [Fact]
    public void The_bundles_site_and_surgeon_codes_are_listed_once_each_in_the_order_met()
    {
        var demo = Demo();

        var check = MemoryBundle.Of(demo).Check();

        Assert.False(check.HasProblems);
        Assert.Equal(demo.Patients.Select(p => p.SiteCode!).Distinct(), check.SiteCodes);
        Assert.Equal(demo.Operations.Where(o => o.SurgeonCode is not null).Select(o => o.SurgeonCode!).Distinct(), check.SurgeonCodes);
        Assert.True(check.SurgeonCodes.Count > 1);
    }

    [Theory]
    [InlineData(Forms.Imaging, "imaging.csv")]
    [InlineData(Forms.FollowUp, "followups.csv")]
    [InlineData(Forms.Complication, "complications.csv")]
    public void A_child_whose_operation_is_neither_in_the_bundle_nor_in_the_registry_is_refused(string form, string file)
    {
        var child = Demo().All().First(r => MvdRegistry.Core.Records.FieldAccess.FormOf(r) == form);

        var result = new MemoryBundle().Rows(form, MemoryBundle.Line(child, ("case_id", "C404"))).Read();

        Assert.Equal([$"{file}:2: case_id: C404 is neither in cases.csv nor in the registry"], Problems(result));
    }

    [Fact]
    public void Children_of_an_operation_in_the_registry_are_no_orphans_and_are_linked_to_it()
    {
        var registry = Demo();
        var op = Followed(registry);
        var visits = op.FollowUps.Select(f => MemoryBundle.Line(f)).ToArray();
        var images = op.Imaging.Select(s => MemoryBundle.Line(s)).ToArray();

        var result = new MemoryBundle().Rows(Forms.FollowUp, visits).Rows(Forms.Imaging, images)
            .Rows(Forms.Case, MemoryBundle.Line(op, ("case_id", "C-NEW"))).Read(registry);

        Assert.Empty(Problems(result));
        Assert.All(result.Data.FollowUps, f => Assert.Same(op, f.Operation));
        Assert.All(result.Data.Imaging, s => Assert.Same(op, s.Operation));
        // A new operation of a registry patient: no orphan, linked to that patient.
        Assert.Same(op.Patient, Assert.Single(result.Data.Operations).Patient);
    }

    [Fact]
    public void A_visit_before_its_operations_surgery_is_refused_whether_the_operation_is_in_the_bundle_or_the_registry()
    {
        var registry = Demo();
        var op = Followed(registry);
        var early = op.SurgeryDate!.Value.AddDays(-1);
        var visit = MemoryBundle.Line(op.FollowUps[0], ("visit_date", D(early)));
        var message = $"followups.csv:2: visit_date: {D(early)} is before the date of surgery ({D(op.SurgeryDate)})";

        Assert.Equal([message], Problems(Course(op, [visit]).Read()));
        Assert.Equal([message], Problems(new MemoryBundle().Rows(Forms.FollowUp, visit).Read(registry)));
        // The day of surgery itself is allowed.
        Assert.Empty(Problems(Course(op, [MemoryBundle.Line(op.FollowUps[0], ("visit_date", D(op.SurgeryDate)))]).Read()));
    }

    [Fact]
    public void A_visit_after_its_operations_earliest_death_is_refused_whatever_the_deaths_order_in_the_file()
    {
        var op = Followed(Demo());
        var (first, second) = (op.FollowUps.MinBy(f => f.VisitDate)!, op.FollowUps.MaxBy(f => f.VisitDate)!);
        var died = first.VisitDate!.Value;
        var later = Death("X-LATER", op, second.VisitDate!.Value.AddDays(10));
        var earlier = Death("X-EARLIER", op, died);

        var result = Course(op, [MemoryBundle.Line(first), MemoryBundle.Line(second)], MemoryBundle.Line(later), MemoryBundle.Line(earlier)).Read();

        Assert.Equal([$"followups.csv:3: visit_date: {D(second.VisitDate)} is after the death recorded on {D(died)}"], Problems(result));
    }

    [Fact]
    public void A_death_already_in_the_registry_refuses_a_bundle_visit_after_it()
    {
        var registry = Demo();
        var op = Followed(registry);
        var first = op.FollowUps.MinBy(f => f.VisitDate)!;
        registry.Complications.Add(Death("X-DIED", op, first.VisitDate!.Value));
        var after = first.VisitDate!.Value.AddDays(1);

        var result = new MemoryBundle().Rows(Forms.FollowUp, MemoryBundle.Line(first, ("followup_id", "F-NEW"), ("visit_date", D(after)))).Read(registry);

        Assert.Contains($"followups.csv:2: visit_date: {D(after)} is after the death recorded on {D(first.VisitDate)}", Problems(result));
    }

    [Fact]
    public void A_death_in_the_bundle_before_visits_already_in_the_registry_is_refused_naming_each_visit()
    {
        var registry = Demo();
        var op = Followed(registry);
        var first = op.FollowUps.MinBy(f => f.VisitDate)!;
        var death = Death("X-DIED", op, first.VisitDate!.Value.AddDays(-1));
        var after = op.FollowUps.Where(f => f.VisitDate > death.OnsetDate).Select(f => f.FollowupId).ToList();

        var result = new MemoryBundle().Rows(Forms.Complication, MemoryBundle.Line(death)).Read(registry);

        Assert.Equal(after.Select(id => $"complications.csv:0: onset_date: the death recorded for operation {op.CaseId} precedes visit {id} already in the registry"),
            Problems(result));
        Assert.True(after.Count >= 2);
    }

    [Fact]
    public void Two_visits_of_one_operation_on_one_date_are_refused_in_the_bundle_and_against_the_registry()
    {
        var registry = Demo();
        var op = Followed(registry);
        var visit = op.FollowUps[0];
        var twin = MemoryBundle.Line(visit, ("followup_id", "F-TWIN"));
        var on = D(visit.VisitDate);

        Assert.Equal(
            [
                $"followups.csv:2: visit_date: operation {op.CaseId} already has visit F-TWIN on {on}: at most one visit per date",
                $"followups.csv:3: visit_date: operation {op.CaseId} already has visit {visit.FollowupId} on {on}: at most one visit per date",
            ],
            Problems(Course(op, [MemoryBundle.Line(visit), twin]).Read()));
        Assert.Equal([$"followups.csv:2: visit_date: operation {op.CaseId} already has visit {visit.FollowupId} on {on}: at most one visit per date"],
            Problems(new MemoryBundle().Rows(Forms.FollowUp, twin).Read(registry)));
        // The registry's visit imported again with its own key is the same visit, not a twin.
        Assert.Empty(Problems(new MemoryBundle().Rows(Forms.FollowUp, MemoryBundle.Line(visit)).Read(registry)));
    }

    [Fact]
    public void An_operation_before_its_patients_birth_is_refused_whether_the_patient_is_in_the_bundle_or_the_registry()
    {
        var registry = Demo();
        var op = Followed(registry);
        var born = op.SurgeryDate!.Value.AddDays(1);
        var message = $"cases.csv:2: surgery_date: {D(op.SurgeryDate)} is before the patient's date of birth ({D(born)})";

        var inBundle = new MemoryBundle().Rows(Forms.Patient, MemoryBundle.Line(op.Patient!, ("birth_date", D(born)))).Rows(Forms.Case, MemoryBundle.Line(op)).Read();
        op.Patient!.BirthDate = born;
        var inRegistry = new MemoryBundle().Rows(Forms.Case, MemoryBundle.Line(op)).Read(registry);

        Assert.Contains(message, Problems(inBundle));
        Assert.Contains(message, Problems(inRegistry));
    }

    [Fact]
    public void A_complication_before_its_operations_surgery_is_refused()
    {
        var op = Followed(Demo());
        var early = op.SurgeryDate!.Value.AddDays(-1);
        var complication = new Complication { ComplicationId = "X1", CaseId = op.CaseId, ComplicationType = "csf_leak", OnsetDate = early, ClavienDindo = "II", Resolved = "no" };

        var result = Course(op, [], MemoryBundle.Line(complication)).Read();

        Assert.Equal([$"complications.csv:2: onset_date: {D(early)} is before the date of surgery ({D(op.SurgeryDate)})"], Problems(result));
    }

    [Fact]
    public void Three_patients_of_one_site_with_one_mrn_are_two_problems_naming_the_first()
    {
        var result = new MemoryBundle().Patients(MemoryBundle.Patient("P1", "HOU1"), MemoryBundle.Patient("P2", "HOU1"), MemoryBundle.Patient("P3", "Hou1")).Read();

        Assert.Equal(
            [
                "patients.csv:3: mrn: MRN HOU1 already belongs to patient P1 of site HOU (on line 2): one patient per MRN and site",
                "patients.csv:4: mrn: MRN Hou1 already belongs to patient P1 of site HOU (on line 2): one patient per MRN and site",
            ],
            Problems(result));
    }

    [Fact]
    public void A_visit_moved_to_another_date_in_the_bundle_frees_its_old_date()
    {
        var registry = Demo();
        var op = Followed(registry);
        var (first, second) = (op.FollowUps.MinBy(f => f.VisitDate)!, op.FollowUps.MaxBy(f => f.VisitDate)!);
        var moved = MemoryBundle.Line(first, ("visit_date", D(first.VisitDate!.Value.AddDays(1))));
        var onTheOldDate = MemoryBundle.Line(second, ("visit_date", D(first.VisitDate)));

        Assert.Empty(Problems(new MemoryBundle().Rows(Forms.FollowUp, moved, onTheOldDate).Read(registry)));
    }

    [Fact]
    public void A_death_corrected_in_the_bundle_no_longer_stops_the_visits_after_its_old_date()
    {
        var registry = Demo();
        var op = Followed(registry);
        var first = op.FollowUps.MinBy(f => f.VisitDate)!;
        var death = Death("X-DIED", op, first.VisitDate!.Value.AddDays(-1));
        registry.Complications.Add(death);
        var corrected = MemoryBundle.Line(death, ("complication_type", "csf_leak"), ("clavien_dindo", "II"));
        var visit = MemoryBundle.Line(first, ("followup_id", "F-NEW"), ("visit_date", D(first.VisitDate!.Value.AddDays(1))));

        Assert.Empty(Problems(new MemoryBundle().Rows(Forms.FollowUp, visit).Rows(Forms.Complication, corrected).Read(registry)));
    }

    [Fact]
    public void A_death_on_the_day_of_a_registry_visit_leaves_that_visit_alone()
    {
        var registry = Demo();
        var op = Followed(registry);
        var death = Death("X-DIED", op, op.FollowUps.MaxBy(f => f.VisitDate)!.VisitDate!.Value);

        Assert.Empty(Problems(new MemoryBundle().Rows(Forms.Complication, MemoryBundle.Line(death)).Read(registry)));
    }

    [Fact]
    public void A_row_with_a_key_refused_for_its_syntax_is_not_also_told_its_key_is_required()
    {
        var result = new MemoryBundle().Patients(MemoryBundle.Patient("P 1", "HOU1"), MemoryBundle.Patient("", "HOU2", ("sex", "X"))).Read();

        Assert.Equal(
            [
                "patients.csv:2: patient_id: 'P 1' is not a valid key: 1 to 32 letters A-Z, digits, '-', '_' or '.', beginning with a letter or a digit",
                "patients.csv:3: sex: 'X' is not one of the choices (F, M, U)",
                "patients.csv:3: patient_id: is required: every row needs its key",
            ],
            Problems(result));
    }
}
