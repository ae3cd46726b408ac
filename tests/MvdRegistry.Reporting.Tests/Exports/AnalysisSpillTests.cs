using MvdRegistry.Core.Model;
using MvdRegistry.Core.Outcomes;
using MvdRegistry.Reporting.Export.Deidentified;

namespace MvdRegistry.Reporting.Tests.Exports;

/// <summary>The analysis sheet's inputs, spilled from the form sheets' rows: each operation rebuilt as the statistics would load it.</summary>
public sealed class AnalysisSpillTests
{
    private static readonly DateOnly Surgery = new(2021, 5, 10);

    private static Operation Op(string caseId, string? indication = Codes.Hfs) => new()
    {
        CaseId = caseId, PatientId = "P" + caseId[1..], Indication = indication, SurgeryDate = Surgery, DischargeDate = Surgery.AddDays(3),
        SurgeonCode = "HOU-S1", LsrIntraop = "disappeared", VesselOp = "AICA|VA", VesselPrimary = "AICA", PtaDbPreop = 22.5m, SdsPctPreop = 90,
    };

    private static FollowUp Visit(string caseId, int day, string? status) =>
        new() { FollowupId = $"F{caseId}{day}", CaseId = caseId, VisitDate = Surgery.AddDays(day), HfsStatus = status };

    [Fact]
    public void The_spill_files_have_no_name_from_the_start_so_an_export_killed_midway_leaves_none()
    {
        var folder = Directory.CreateTempSubdirectory("mvd-spill-").FullName;
        try
        {
            using (var spill = new AnalysisSpill(new Pseudonyms("secret"), folder))
            {
                spill.Add(Op("C1"), new RowContext(Surgery, new DateOnly(1950, 1, 1), Site: "HOU"));
                spill.Add(new ImagingStudy { ImagingId = "I1", CaseId = "C1", NvcDetected = Codes.Yes, VesselImg = "AICA" }, new RowContext(Surgery));
                spill.Add(Visit("C1", 5, "resolved"), new RowContext(Surgery));
                spill.Add(new Complication { ComplicationId = "X1", CaseId = "C1", ComplicationType = Codes.Death, OnsetDate = Surgery.AddDays(20) }, new RowContext(Surgery));

                Assert.Empty(Directory.GetFileSystemEntries(folder));
                var outcome = Assert.Single(spill.Outcomes().Select(o => o.Outcome));
                Assert.Equal([5], outcome.Visits.Select(v => v.Day));
                Assert.True(outcome.ImagingConcordant);
                Assert.True(outcome.Death30d);
                Assert.Equal("C1", Assert.Single(spill.Outcomes()).Outcome.Operation.CaseId);
            }
            Assert.Empty(Directory.GetFileSystemEntries(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Each_operation_is_derived_with_its_own_children_in_their_sheet_s_order()
    {
        using var spill = new AnalysisSpill(new Pseudonyms("secret"));
        spill.Add(Op("C1"), new RowContext(Surgery, new DateOnly(1950, 1, 1), Site: "HOU"));
        spill.Add(Op("C2"), new RowContext(Surgery, null, Site: null));
        spill.Add(Op("C3"), new RowContext(Surgery));
        spill.Add(new ImagingStudy { ImagingId = "I1", CaseId = "C2", NvcDetected = Codes.Yes, VesselImg = "AICA" }, new RowContext(Surgery));
        foreach (var (caseId, day, status) in new[] { ("C1", 5, "resolved"), ("C1", 2, "improved"), ("C1", 360, "resolved"), ("C2", 3, "resolved"), ("C2", 400, "partial") })
            spill.Add(Visit(caseId, day, status), new RowContext(Surgery));
        spill.Add(new Complication { ComplicationId = "X1", CaseId = "C1", ComplicationType = Codes.Death, OnsetDate = Surgery.AddDays(20), ClavienDindo = "V", Resolved = Codes.No },
            new RowContext(Surgery));

        var outcomes = spill.Outcomes().Select(o => o.Outcome).ToList();

        Assert.Equal(["C1", "C2", "C3"], outcomes.Select(o => o.Operation.CaseId));
        var (c1, c2, c3) = (outcomes[0], outcomes[1], outcomes[2]);
        Assert.Equal("HOU", c1.Patient!.SiteCode);
        Assert.Equal("P1", c1.Operation.PatientId);
        Assert.Equal(71, c1.AgeAtSurgery);
        Assert.Null(c2.Patient!.SiteCode);
        Assert.Null(c2.AgeAtSurgery);
        Assert.Equal(3, c1.LosDays);
        Assert.Equal([5, 2, 360], c1.Operation.FollowUps.Select(f => f.VisitDate!.Value.DayNumber - Surgery.DayNumber));
        Assert.Equal(360, c1.LastFuDay);
        Assert.Equal("resolved", c1.Status1y);
        Assert.Equal(5, c1.FirstResolutionDay);
        Assert.Equal([3, 400], c2.Visits.Select(v => v.Day));
        Assert.True(c2.Recurrence);
        Assert.Null(c1.ImagingConcordant);
        Assert.True(c2.ImagingConcordant);
        Assert.True(c1.Death30d && c1.Major && c1.AnyPermanent);
        Assert.Empty(c2.Complications);
        Assert.Empty(c3.Visits);
        Assert.Equal(GardnerRobertson.Classify(22.5m, 90), c1.GrClassPreop);
        Assert.True(c1.LsrDisappeared);
        Assert.True(c1.VesselVa);
    }

    [Fact]
    public void Children_whose_sheet_interleaves_the_operations_stop_the_sheet()
    {
        using var spill = new AnalysisSpill(new Pseudonyms("secret"));
        spill.Add(Op("C1"), new RowContext(Surgery));
        spill.Add(Op("C2"), new RowContext(Surgery));
        spill.Add(Visit("C1", 3, "resolved"), new RowContext(Surgery));
        spill.Add(Visit("C2", 3, "resolved"), new RowContext(Surgery));
        spill.Add(Visit("C1", 30, "resolved"), new RowContext(Surgery));

        var error = Assert.Throws<InvalidOperationException>(() => spill.Outcomes().Select(o => o.Outcome).ToList());
        Assert.Contains("grouped by operation", error.Message);
    }

    [Fact]
    public void Children_whose_groups_come_in_another_order_than_the_operations_stop_the_sheet()
    {
        using var spill = new AnalysisSpill(new Pseudonyms("secret"));
        spill.Add(Op("C1"), new RowContext(Surgery));
        spill.Add(Op("C2"), new RowContext(Surgery));
        spill.Add(new ImagingStudy { ImagingId = "I1", CaseId = "C2" }, new RowContext(Surgery));
        spill.Add(new ImagingStudy { ImagingId = "I2", CaseId = "C1" }, new RowContext(Surgery));

        var error = Assert.Throws<InvalidOperationException>(() => spill.Outcomes().Select(o => o.Outcome).ToList());
        Assert.Contains("grouped by operation", error.Message);
    }

    [Fact]
    public void Values_not_recorded_stay_empty()
    {
        using var spill = new AnalysisSpill(new Pseudonyms("secret"));
        spill.Add(new Operation { CaseId = "C1", PatientId = "P1" }, new RowContext(null));
        spill.Add(new Patient { PatientId = "P1" }, new RowContext(null));

        var outcome = Assert.Single(spill.Outcomes().Select(o => o.Outcome));

        Assert.Null(outcome.Operation.SurgeryDate);
        Assert.Null(outcome.Operation.PtaDbPreop);
        Assert.Null(outcome.Operation.SdsPctPreop);
        Assert.Null(outcome.Indication);
        Assert.Null(outcome.Operation.SurgeonCode);
        Assert.Null(outcome.LosDays);
        Assert.Null(outcome.GrClassPreop);
    }

    [Fact]
    public void Each_operation_comes_back_with_its_own_and_its_patient_s_pseudonyms_of_this_export()
    {
        var salt = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        using var pseudonyms = new Pseudonyms("secret", salt);
        using var again = new Pseudonyms("secret", salt);
        using var spill = new AnalysisSpill(pseudonyms);
        spill.Add(Op("C1"), new RowContext(Surgery));
        spill.Add(Op("C2"), new RowContext(Surgery));

        var keys = spill.Outcomes().Select(o => o.Keys).ToList();

        Assert.Equal([again.Of("case", "C1"), again.Of("case", "C2")], keys.Select(k => k.Case));
        Assert.Equal([again.Of("patient", "P1"), again.Of("patient", "P2")], keys.Select(k => k.Patient));
        Assert.All(keys, k => Assert.Same(pseudonyms, k.Pseudonyms));
    }
}
