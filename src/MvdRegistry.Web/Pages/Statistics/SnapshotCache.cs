using System.Collections.Concurrent;
using MvdRegistry.Application.Statistics.Snapshots;
using MvdRegistry.Core.Model;
using MvdRegistry.Reporting.Charts;

namespace MvdRegistry.Web.Pages.Statistics;

/// <summary>A chart drawn as inline SVG, with the caption shown beside it.</summary>
public sealed record RenderedChart(string Svg, string Description);

/// <summary>
/// The statistics page's charts of a stored snapshot, drawn as SVG once and kept between views (a
/// singleton), under the snapshot's identity (<see cref="SnapshotValuesCache.KeyOf"/>, as its values are
/// kept) and the surgeon names the chart shows (<c>naming</c>: the names and own-row marks, empty for charts
/// that show none). Drawing them (ScottPlot) was most of a view's time. Each is drawn by one request while
/// others wait for it.
/// </summary>
public sealed class SnapshotCache
{
    /// <summary>Past this many kept charts, all are dropped (and drawn again on their next view).</summary>
    public const int Capacity = 500;

    private readonly ConcurrentDictionary<string, Lazy<RenderedChart?>> _charts = new(StringComparer.Ordinal);

    public RenderedChart? Chart(StatisticsSnapshot stored, string id, string naming, Func<ChartImage?> draw)
    {
        if (_charts.Count >= Capacity) _charts.Clear();
        return _charts.GetOrAdd($"{SnapshotValuesCache.KeyOf(stored)}|{id}|{naming}",
            _ => new Lazy<RenderedChart?>(() => draw() is { } chart ? new RenderedChart(chart.ToSvg(id), chart.Description) : null)).Value;
    }
}
