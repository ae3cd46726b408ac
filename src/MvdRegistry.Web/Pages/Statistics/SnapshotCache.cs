using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using MvdRegistry.Core.Model;
using MvdRegistry.Core.Statistics.Snapshot;
using MvdRegistry.Reporting.Charts;

namespace MvdRegistry.Web.Pages.Statistics;

/// <summary>A chart drawn as inline SVG, with the caption shown beside it.</summary>
public sealed record RenderedChart(string Svg, string Description);

/// <summary>
/// What the statistics page reads and draws from a stored snapshot, kept between views (a singleton):
/// its values read from JSON, and its charts as SVG. Kept under a hash of the stored values, not the
/// snapshot's id (ids start again in a rebuilt database): the same values give the same tables, and the
/// same chart with the same surgeon names (<c>naming</c>: the names and own-row marks a chart shows,
/// empty for charts that show none). Reading the JSON and drawing the charts (ScottPlot) were most of a
/// view's time. Each is made by one request while others wait for it.
/// </summary>
public sealed class SnapshotCache
{
    /// <summary>Past this many kept items, all are dropped (and made again on their next view).</summary>
    public const int Capacity = 500;

    private readonly ConcurrentDictionary<string, Lazy<RegistrySnapshot>> _values = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<RenderedChart?>> _charts = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<StatisticsSnapshot, string> _keys = new();

    /// <summary>The snapshot's values, as <see cref="RegistrySnapshot.FromJson"/> reads them.</summary>
    public RegistrySnapshot Values(StatisticsSnapshot stored)
    {
        if (_values.Count >= Capacity) _values.Clear();
        return _values.GetOrAdd(KeyOf(stored), _ => new Lazy<RegistrySnapshot>(() => RegistrySnapshot.FromJson(stored.Json))).Value;
    }

    public RenderedChart? Chart(StatisticsSnapshot stored, string id, string naming, Func<ChartImage?> draw)
    {
        if (_charts.Count >= Capacity) _charts.Clear();
        return _charts.GetOrAdd($"{KeyOf(stored)}|{id}|{naming}",
            _ => new Lazy<RenderedChart?>(() => draw() is { } chart ? new RenderedChart(chart.ToSvg(id), chart.Description) : null)).Value;
    }

    /// <summary>The hash of the stored values, computed once per snapshot read.</summary>
    private string KeyOf(StatisticsSnapshot stored) =>
        _keys.GetValue(stored, s => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(s.Json))));
}
