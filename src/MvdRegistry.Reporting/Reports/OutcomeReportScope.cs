using MvdRegistry.Application.Statistics;

namespace MvdRegistry.Reporting.Reports;

/// <summary>
/// What an outcome report covers and how it names things, beside the snapshot it shows: the filters the
/// snapshot was computed with, when the data were read and when the report was written, the sites'
/// names, and how surgeons are named (<see cref="SurgeonNames"/>: the pseudonym rules).
/// </summary>
public sealed record OutcomeReportScope(
    StatisticsFilter Filter,
    DateTimeOffset DataAsOf,
    DateTimeOffset GeneratedAt,
    IReadOnlyDictionary<string, string> SiteNames,
    SurgeonNames Surgeons)
{
    /// <summary>A site report: the operations of one site only.</summary>
    public bool IsSiteReport => Filter.Sites.Count == 1;

    public string Title => IsSiteReport ? $"MVD Registry site report: {SiteLabel(Filter.Sites[0])}" : "MVD Registry outcome report";

    public string SiteLabel(string code) => SiteNames.TryGetValue(code, out var name) && name.Length > 0 && name != code ? $"{code} ({name})" : code;
}
