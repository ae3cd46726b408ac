using System.Globalization;
using MvdRegistry.Application.Statistics;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Statistics.Snapshot;

namespace MvdRegistry.Reporting.Reports;

/// <summary>The words the report uses: dictionary labels, and the scope line under every sheet's title.</summary>
public static class ReportText
{
    public static string Choice(string form, string variable, string? code) =>
        code is null ? "" : DataDictionary.Instance.Get(form, variable).LabelOf(code);

    public static string Indication(string code) =>
        code == RegistryStatistics.AllIndications ? "All indications" : Choice(Forms.Case, "indication", code);

    /// <summary>The filter's indication, or "All indications".</summary>
    public static string Indication(StatisticsFilter filter) => filter.Indication is { } indication ? Indication(indication) : "All indications";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"Hemifacial spasm · sites HOU, SEO · surgery 2012-01-01 to 2018-12-31 · data as of 2026-12-01 14:05".</summary>
    public static string ScopeLine(OutcomeReportScope scope) =>
        FilterLine(scope.Filter, scope.SiteLabel) + " · data as of " + scope.DataAsOf.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// What a filter chooses, in words: "Hemifacial spasm · sites HOU, SEO · surgery 2012-01-01 to 2018-12-31" (a site by
    /// <paramref name="siteLabel"/>, its code when none is given).
    /// </summary>
    public static string FilterLine(StatisticsFilter filter, Func<string, string>? siteLabel = null)
    {
        var parts = new List<string>
        {
            Indication(filter),
            filter.Sites.Count switch
            {
                0 => "all sites",
                1 => "site " + (siteLabel ?? (code => code))(filter.Sites[0]),
                _ => "sites " + string.Join(", ", filter.Sites),
            },
            "surgery " + SurgeryDates(filter),
        };
        return string.Join(" · ", parts);
    }

    /// <summary>The surgery dates a filter covers, from its year and date filters (both apply).</summary>
    public static string SurgeryDates(StatisticsFilter filter)
    {
        DateOnly? from = Latest(filter.From is { } y1 ? new DateOnly(y1, 1, 1) : null, filter.SurgeryFrom);
        DateOnly? to = Earliest(filter.To is { } y2 ? new DateOnly(y2, 12, 31) : null, filter.SurgeryTo);
        return (from, to) switch
        {
            (null, null) => "all dates",
            ({ } f, null) => "from " + Date(f),
            (null, { } t) => "up to " + Date(t),
            ({ } f, { } t) => $"{Date(f)} to {Date(t)}",
        };
    }

    private static DateOnly? Latest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static DateOnly? Earliest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
