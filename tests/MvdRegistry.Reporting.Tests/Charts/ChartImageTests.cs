using System.Text.RegularExpressions;
using System.Xml.Linq;
using MvdRegistry.Reporting.Charts;

namespace MvdRegistry.Reporting.Tests.Charts;

/// <summary>The SVG put inline in the statistics page: accessible, free of inline styles, with ids of its own.</summary>
public partial class ChartImageTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void The_svg_is_one_image_named_by_its_title_and_description()
    {
        var chart = ChartTextTests.Chart("lsr");

        var root = XDocument.Parse(chart.ToSvg("chart-lsr")).Root!;

        Assert.Equal("img", (string?)root.Attribute("role"));
        Assert.Equal("chart-lsr-title chart-lsr-desc", (string?)root.Attribute("aria-labelledby"));
        Assert.Equal("Time to resolution by LSR disappearance (HFS)", root.Element(Svg + "title")!.Value);
        Assert.Equal("chart-lsr-title", (string?)root.Element(Svg + "title")!.Attribute("id"));
        Assert.Equal(chart.Description, root.Element(Svg + "desc")!.Value);
        Assert.Contains("Log-rank p = 0.048", chart.Description);
        Assert.Equal("0 0 640 400", (string?)root.Attribute("viewBox"));
    }

    [Fact]
    public void The_svg_holds_ScottPlots_drawing_whole_after_its_title_and_description_and_nothing_of_ScottPlots_own_root()
    {
        var chart = ChartTextTests.Chart("odds-ratios");

        var svg = chart.ToSvg("or");
        var root = XDocument.Parse(svg).Root!;

        Assert.DoesNotContain(root.Nodes().OfType<XText>(), t => t.Value.Trim().Length > 0);
        Assert.Equal(["title", "desc"], root.Elements().Take(2).Select(e => e.Name.LocalName));
        Assert.Single(Regex.Matches(svg, "<svg"));
        Assert.Equal($"0 0 640 {chart.Height}", (string?)root.Attribute("viewBox"));
        Assert.Equal((640, chart.Height), ((int?)root.Attribute("width"), (int?)root.Attribute("height")));
    }

    [Fact]
    public void The_svg_has_no_style_attribute_or_element_so_the_content_security_policy_allows_it_inline()
    {
        foreach (var (name, _, _, _) in ChartTextTests.Charts.Select(row => ((string)row[0], "", "", "")))
        {
            var svg = ChartTextTests.Chart(name).ToSvg("c");

            Assert.DoesNotMatch(@"\sstyle\s*=|<style", svg);
        }
    }

    [Fact]
    public void Two_charts_on_one_page_share_no_id_and_every_reference_points_into_its_own_chart()
    {
        var first = ChartTextTests.Chart("time-to-resolution").ToSvg("one");
        var second = ChartTextTests.Chart("recurrence-free").ToSvg("two");

        var firstIds = Ids(first);
        var secondIds = Ids(second);
        Assert.Contains("one-title", firstIds);
        Assert.True(firstIds.Count > 2, "ScottPlot's clip paths are expected among the ids");
        Assert.All(firstIds, id => Assert.StartsWith("one", id));
        Assert.Empty(firstIds.Intersect(secondIds));
        Assert.All(References().Matches(first).Select(m => m.Groups[1].Value), r => Assert.Contains(r, firstIds));
    }

    private static HashSet<string> Ids(string svg) =>
        XDocument.Parse(svg).Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToHashSet();

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex References();
}
