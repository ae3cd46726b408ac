using MvdRegistry.Core.Bundle;
using MvdRegistry.Core.Demo;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Records;
using MvdRegistry.Core.Validation;

namespace MvdRegistry.Core.Tests.Demo;

public class DemoGeneratorTests(DemoGeneratorTests.Generated generated) : IClassFixture<DemoGeneratorTests.Generated>
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    /// <summary>
    /// A 2,000-patient registry generated once per test run (a class fixture), not once per process: Stryker runs each
    /// mutant's tests again in the same test host, where a registry kept in a static field would hide the generator's mutants.
    /// </summary>
    public sealed class Generated
    {
        public RegistryData Sample { get; } = DemoGenerator.Generate(2_000, seed: 42, Today);
    }

    private RegistryData Sample => generated.Sample;

    [Fact]
    public void Every_generated_record_survives_its_own_file_columns_and_passes_validation()
    {
        var failures = new List<string>();
        foreach (var record in Sample.All())
        {
            var form = FieldAccess.FormOf(record);
            var written = RecordCodec.Write(record);
            var copy = (RegistryRecord)Activator.CreateInstance(record.GetType())!;
            var readIssues = RecordCodec.Read(form, written.ToDictionary(c => c.Key, c => (string?)c.Value), copy, Today);
            var errors = RecordValidator.Validate(record).Where(i => i.IsError);
            foreach (var issue in readIssues.Concat(errors))
                failures.Add($"{form} {FieldAccess.Key(record)}: {issue.Column}: {issue.Message}");
            if (readIssues.Count == 0 && !RecordCodec.Write(copy).SequenceEqual(written))
                failures.Add($"{form} {FieldAccess.Key(record)}: reads back different from what was written");
        }

        Assert.True(failures.Count == 0, $"{failures.Count} problems, first ones:\n" + string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public void No_two_patients_of_a_site_share_an_mrn()
    {
        var shared = Sample.Patients.GroupBy(p => (p.SiteCode, Mrn: p.Mrn!.ToUpperInvariant())).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.Empty(shared);
        Assert.All(Sample.Patients, p => Assert.False(string.IsNullOrEmpty(p.Mrn)));
    }

    [Fact]
    public void More_patients_than_seven_digit_keys_and_mrns_allow_are_refused_before_anything_is_generated()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DemoGenerator.Generate(DemoGenerator.MaxPatients + 1, seed: 1, Today));
    }

    [Fact]
    public void The_same_seed_gives_the_same_data_and_another_seed_other_data()
    {
        var again = DemoGenerator.Generate(2_000, seed: 42, Today);
        var other = DemoGenerator.Generate(2_000, seed: 43, Today);

        Assert.Equal(Rows(Sample), Rows(again));
        Assert.NotEqual(Rows(Sample), Rows(other));
    }

    [Fact]
    public void The_data_look_like_a_microvascular_decompression_registry()
    {
        var hfsShare = Sample.Operations.Count(o => o.Indication == "HFS") / (double)Sample.Operations.Count;
        Assert.InRange(hfsShare, 0.55, 0.75);
        Assert.Contains(Sample.Operations, o => !o.FollowUps.Any(f => Day(o, f.VisitDate) is >= 270 and <= 540));
        Assert.Contains(Sample.Patients, p => p.ConsentStatus == "withdrawn" && p.ConsentWithdrawnDate is not null);
        Assert.Contains(Sample.Patients, p => p.Operations.Count == 2);
        Assert.Equal(Sample.Patients.Count, Sample.Patients.Select(p => p.Mrn).Distinct().Count());
        Assert.All(Sample.Operations, o => Assert.InRange(o.Imaging.Count, 1, 2));
    }

    [Fact]
    public void Hfs_outcomes_and_complications_are_near_the_published_series()
    {
        var hfs = Sample.Operations.Where(o => o.Indication == "HFS").ToList();
        var atDischarge = hfs.Select(o => o.FollowUps.OrderBy(f => f.VisitDate).FirstOrDefault())
            .Where(f => f is not null && Day(f.Operation!, f.VisitDate) <= 7).ToList();
        var oneYear = hfs.Select(o => o.FollowUps.Where(f => Day(o, f.VisitDate) is >= 270 and <= 540)
            .MinBy(f => Math.Abs(Day(o, f.VisitDate) - 365))).Where(f => f is not null).ToList();

        Assert.InRange(atDischarge.Count(f => f!.HfsStatus == "resolved") / (double)atDischarge.Count, 0.5, 0.7);
        Assert.InRange(oneYear.Count(f => f!.HfsStatus is "resolved" or "near_complete") / (double)oneYear.Count, 0.85, 0.95);
        Assert.InRange(Rate(hfs, "facial_palsy"), 0.05, 0.13);
        Assert.InRange(Rate(hfs, "hearing_loss"), 0.02, 0.08);
    }

    private static double Rate(List<Operation> operations, string type) =>
        operations.Count(o => o.Complications.Any(c => c.ComplicationType == type)) / (double)operations.Count;

    private static int Day(Operation op, DateOnly? date) => date!.Value.DayNumber - op.SurgeryDate!.Value.DayNumber;

    private static List<string> Rows(RegistryData data) =>
        data.All().Select(r => string.Join(",", RecordCodec.Write(r).Values)).ToList();
}
