using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ScottPlot;

namespace MvdRegistry.Reporting.Charts;

/// <summary>
/// A finished chart: the ScottPlot plot, its size, and its text alternative (a title and a longer
/// description of what it shows). Renders to SVG for the pages and to PNG for reports.
/// </summary>
public sealed partial class ChartImage(Plot plot, int width, int height, string title, string description)
{
    public Plot Plot { get; } = plot;

    public int Width { get; } = width;

    public int Height { get; } = height;

    public string Title { get; } = title;

    public string Description { get; } = description;

    public byte[] ToPng()
    {
        ChartFont.EnsureRegistered();
        return Plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>
    /// An SVG element to put inline in a page: it scales to its container (viewBox), is announced as one
    /// image named by its title and description (role="img", aria-labelledby), and its internal ids start
    /// with <paramref name="id"/> so that several charts can share a page. It carries no style attributes.
    /// </summary>
    public string ToSvg(string id)
    {
        ChartFont.EnsureRegistered();
        var svg = Plot.GetSvgXml(Width, Height);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        var rootEnd = svg.IndexOf('>', start);
        if (start < 0 || rootEnd < 0) throw new InvalidOperationException("ScottPlot wrote no <svg> element.");

        var body = svg[(rootEnd + 1)..];
        body = InternalId().Replace(body, m => $"{m.Groups[1].Value}{id}-{m.Groups[2].Value}");
        var w = Width.ToString(CultureInfo.InvariantCulture);
        var h = Height.ToString(CultureInfo.InvariantCulture);
        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" " +
               $"id=\"{id}\" class=\"chart-svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" " +
               $"role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">" +
               $"<title id=\"{id}-title\">{WebUtility.HtmlEncode(Title)}</title>" +
               $"<desc id=\"{id}-desc\">{WebUtility.HtmlEncode(Description)}</desc>" +
               body;
    }

    // id="cl_4", url(#cl_4), href="#cl_4": ScottPlot numbers its clip paths per plot, so two charts on one page would collide.
    [GeneratedRegex("""(id="|url\(#|href="#)([A-Za-z_][\w.-]*)""")]
    private static partial Regex InternalId();
}
