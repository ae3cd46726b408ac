using MvdRegistry.Core.Outcomes;
using MvdRegistry.Core.Statistics.Snapshot;
using MvdRegistry.Core.Tests.Outcomes;

namespace MvdRegistry.Core.Tests.Statistics;

/// <summary>
/// The snapshot's sections on small hand-made registries: which figures each indication gets, the overdue counts
/// per site, and the order of the rows people read (each stratum's levels in their natural order, surgeons, sites
/// and complication types by code).
/// </summary>
public class SnapshotSectionsTests
{
    private static OperationOutcome Hfs(string caseId, Action<OperationBuilder>? build = null)
    {
        var builder = OperationBuilder.Hfs().With(o => o.CaseId = caseId);
        build?.Invoke(builder);
        return builder.Derive();
    }

    [Fact]
    public void Only_hemifacial_spasm_has_complete_resolution_immediate_and_delayed_resolution_and_recurrence()
    {
        var tn = OperationBuilder.Tn().Visit(365, bniPain: "I").Derive();
        var hfs = OperationBuilder.Hfs().Visit(365, "resolved").Derive();

        var tnTable = BenefitTable.Build(Codes.Tn, [tn]);
        var hfsTable = BenefitTable.Build(Codes.Hfs, [hfs]);

        Assert.Equal((1, 1), (tnTable.Success1y.X, tnTable.Success1y.N));
        Assert.Null(tnTable.Complete1y);
        Assert.Null(tnTable.ImmediateResolution);
        Assert.Null(tnTable.DelayedResolution);
        Assert.Null(tnTable.Recurrence);
        Assert.Equal(1, hfsTable.Complete1y!.N);
        Assert.NotNull(hfsTable.ImmediateResolution);
        Assert.NotNull(hfsTable.DelayedResolution);
        Assert.NotNull(hfsTable.Recurrence);
    }

    [Fact]
    public void Overdue_follow_ups_are_counted_overall_and_per_site()
    {
        // 61 days after surgery: an operation without a visit is overdue for its day-30 visit (FollowUpScheduleTests); one
        // seen on day 35 is next due on day 91.
        var asOf = OperationBuilder.Surgery.AddDays(61);
        OperationOutcome[] analysed =
        [
            Hfs("C1"),
            Hfs("C2", b => b.Visit(35)),
            Hfs("C3", b => b.Patient.SiteCode = "BCN"),
            Hfs("C4", b => b.Patient.SiteCode = "BCN"),
        ];

        var section = CompletenessSection.Build(analysed, asOf);

        Assert.Equal((4, 3), (section.All.Operations, section.All.Overdue));
        Assert.Equal([("BCN", 2, 2), ("HOU", 2, 1)], section.Sites.Select(s => (s.Site, s.Operations, s.Overdue)));
    }

    [Fact]
    public void Each_strata_levels_come_in_their_natural_order_and_the_others_by_code()
    {
        // Given in the reverse of every expected order.
        OperationOutcome[] hfs =
        [
            Hfs("C1", b => b.Born(new DateOnly(1945, 1, 1)).With(o => { o.SymptomDurationMonths = 70; o.SurgeonCode = "HOU-S2"; }).Patient.Sex = "M"),
            Hfs("C2", b => b.Born(new DateOnly(1955, 1, 1)).With(o => o.SymptomDurationMonths = 30)),
            Hfs("C3", b => b.Born(new DateOnly(1970, 1, 1)).With(o => o.SymptomDurationMonths = 12)),
            Hfs("C4", b => b.Born(new DateOnly(1990, 1, 1))),
        ];

        var rows = StrataSection.Build(hfs);

        string[] LevelsOf(string stratum) => rows.Where(r => r.Stratum == stratum).Select(r => r.Level).ToArray();
        Assert.Equal(["<40", "40-59", "60-69", "70+"], LevelsOf("age_group"));
        Assert.Equal(["<24", "24-59", "60+"], LevelsOf("symptom_duration"));
        Assert.Equal(["F", "M"], LevelsOf("sex"));
        Assert.Equal(["HOU-S1", "HOU-S2"], LevelsOf("surgeon"));
        Assert.Equal(["all", "age_group", "sex", "symptom_duration", "surgeon", "site"], rows.Select(r => r.Stratum).Distinct());
    }

    [Fact]
    public void Funnel_rows_come_by_surgeon_and_site_code()
    {
        OperationOutcome[] analysed =
        [
            Hfs("C1", b => b.With(o => o.SurgeonCode = "TOK-S1").Patient.SiteCode = "TOK"),
            Hfs("C2", b => b.With(o => o.SurgeonCode = "BCN-S2").Patient.SiteCode = "BCN"),
            Hfs("C3", b => b.With(o => o.SurgeonCode = "BCN-S1").Patient.SiteCode = "BCN"),
        ];

        var funnel = FunnelSection.Build(analysed);

        Assert.Equal(["BCN-S1", "BCN-S2", "TOK-S1"], funnel.Surgeon.Select(r => r.Code));
        Assert.Equal(["BCN", "TOK"], funnel.Site.Select(r => r.Code));
    }

    [Fact]
    public void Complication_types_come_by_code()
    {
        var first = OperationBuilder.Hfs().Complication("vertigo", "yes").Complication("csf_leak", "yes");
        var second = OperationBuilder.Hfs().With(o => o.CaseId = "C2").Complication("meningitis", "yes");

        var snapshot = RegistryStatistics.Compute([first.Patient, second.Patient], new DateOnly(2024, 1, 1));

        Assert.Equal(["csf_leak", "meningitis", "vertigo"], snapshot.Complications["ALL"].ByType.Keys);
    }
}
