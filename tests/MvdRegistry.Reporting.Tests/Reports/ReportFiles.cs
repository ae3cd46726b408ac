using MvdRegistry.Application.Statistics;
using MvdRegistry.Core.Statistics.Snapshot;
using MvdRegistry.Core.Tests.Statistics;
using MvdRegistry.Reporting.Reports;
using MvdRegistry.Reporting.Tests.Support;

namespace MvdRegistry.Reporting.Tests.Reports;

/// <summary>How the tests write outcome reports of the reference registry: its scope, surgeons and site names.</summary>
public static class ReportFiles
{
    public const string PseudonymKey = "reporting-tests-pseudonym-key-0123456789";
    public static readonly DateTimeOffset GeneratedAt = new(2026, 12, 31, 9, 30, 0, TimeSpan.Zero);

    public static readonly IReadOnlyDictionary<string, string> SiteNames = new Dictionary<string, string>
    {
        ["BCN"] = "Barcelona", ["HOU"] = "Houston", ["PIT"] = "Pittsburgh", ["SEO"] = "Seoul",
    };

    public static SurgeonNames Surgeons(bool real = false, bool siteFiltered = false) =>
        new(ReferenceRegistry.Data.Operations.Select(o => o.SurgeonCode!), PseudonymKey, real, own: null, siteFiltered);

    public static OutcomeReportScope Scope(StatisticsFilter filter, bool realSurgeonCodes = false) =>
        new(filter, GeneratedAt.AddMinutes(-1), GeneratedAt, SiteNames, Surgeons(realSurgeonCodes, filter.Sites.Count > 0));

    /// <summary>
    /// The whole reference registry's report with one section of its snapshot replaced, for a case the registry does not hold
    /// (the sections are init-only: set on a copy through reflection).
    /// </summary>
    public static byte[] WithSection(string section, object value)
    {
        var copy = RegistrySnapshot.FromJson(ReferenceSnapshot.Snapshot.ToJson());
        typeof(RegistrySnapshot).GetProperty(section)!.SetValue(copy, value);
        return Write(copy, Scope(new StatisticsFilter()));
    }

    public static byte[] Write(RegistrySnapshot snapshot, OutcomeReportScope scope)
    {
        using var stream = new MemoryStream();
        OutcomeReport.Write(snapshot, scope, stream);
        return stream.ToArray();
    }
}
