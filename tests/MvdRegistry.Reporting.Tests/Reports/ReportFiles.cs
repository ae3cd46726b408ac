using MvdRegistry.Application.Statistics;
using MvdRegistry.Core.Statistics.Snapshot;
using MvdRegistry.Core.Tests.Statistics;
using MvdRegistry.Reporting.Reports;
using MvdRegistry.Reporting.Tests.Support;

namespace MvdRegistry.Reporting.Tests.Reports;

/// <summary>Outcome reports of the reference registry, written once: the whole registry, and a site report of HOU.</summary>
public static class ReportFiles
{
    public const string PseudonymKey = "reporting-tests-pseudonym-key-0123456789";
    public static readonly DateTimeOffset GeneratedAt = new(2026, 12, 31, 9, 30, 0, TimeSpan.Zero);

    public static readonly IReadOnlyDictionary<string, string> SiteNames = new Dictionary<string, string>
    {
        ["BCN"] = "Barcelona", ["HOU"] = "Houston", ["PIT"] = "Pittsburgh", ["SEO"] = "Seoul",
    };

    private static readonly Lazy<byte[]> LazyWhole = new(() => Write(ReferenceSnapshot.Snapshot, Scope(new StatisticsFilter())));

    private static readonly Lazy<RegistrySnapshot> LazyHou = new(() =>
        RegistryStatistics.Compute(ReferenceRegistry.Data.Patients.Where(p => p.SiteCode == "HOU"), ReferenceRegistry.AsOf));

    private static readonly Lazy<byte[]> LazyHouReport = new(() => Write(HouSnapshot, Scope(new StatisticsFilter { Sites = ["HOU"] })));

    /// <summary>The whole reference registry, surgeons by pseudonym.</summary>
    public static byte[] Whole => LazyWhole.Value;

    public static RegistrySnapshot HouSnapshot => LazyHou.Value;

    /// <summary>A site report: HOU's operations only.</summary>
    public static byte[] Hou => LazyHouReport.Value;

    public static SurgeonNames Surgeons(bool real = false, bool siteFiltered = false) =>
        new(ReferenceRegistry.Data.Operations.Select(o => o.SurgeonCode!), PseudonymKey, real, own: null, siteFiltered);

    public static OutcomeReportScope Scope(StatisticsFilter filter, bool realSurgeonCodes = false) =>
        new(filter, GeneratedAt.AddMinutes(-1), GeneratedAt, SiteNames, Surgeons(realSurgeonCodes, filter.Sites.Count > 0));

    public static byte[] Write(RegistrySnapshot snapshot, OutcomeReportScope scope)
    {
        using var stream = new MemoryStream();
        OutcomeReport.Write(snapshot, scope, stream);
        return stream.ToArray();
    }
}
