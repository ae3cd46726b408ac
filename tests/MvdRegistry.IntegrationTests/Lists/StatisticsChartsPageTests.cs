using System.Text.RegularExpressions;
using System.Xml.Linq;
using MvdRegistry.IntegrationTests.Infrastructure;

namespace MvdRegistry.IntegrationTests.Lists;

/// <summary>The charts of /Statistics on the reference registry: each a figure with its text alternative, under the page's CSP.</summary>
public abstract partial class StatisticsChartsPageTests<TDatabase>(TDatabase database) : RegistryTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>The reference registry is imported once and only read: no reset between tests.</summary>
    public override async Task InitializeAsync()
    {
        await ListPages.ImportReferenceOnceAsync(Database);
        await Database.SnapshotAsync();
    }

    [Theory]
    [InlineData("chart-time-to-resolution", "Time to resolution of the spasm (HFS)")]
    [InlineData("chart-recurrence-free", "Recurrence-free time after resolution (HFS)")]
    [InlineData("chart-lsr", "Time to resolution by LSR disappearance (HFS)")]
    [InlineData("chart-odds-ratios", "Odds of success at one year (HFS, logistic model)")]
    [InlineData("chart-funnel-surgeons", "Permanent complications by surgeon")]
    [InlineData("chart-funnel-sites", "Permanent complications by site")]
    public async Task Each_chart_is_a_figure_with_an_svg_image_named_by_its_title_and_description_and_a_caption(string id, string title)
    {
        var client = await SignedInAsync("researcher");

        var response = await client.GetAsync("/Statistics");
        var html = await response.Content.ReadAsStringAsync();

        var figure = XElement.Parse(Figure(html, id));
        var svg = figure.Element(Svg + "svg")!;
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal($"{id}-title {id}-desc", (string?)svg.Attribute("aria-labelledby"));
        Assert.Equal(title, svg.Element(Svg + "title")!.Value);
        var description = svg.Element(Svg + "desc")!.Value;
        Assert.True(description.Length > 80, description);
        Assert.Equal(description, figure.Element("figcaption")!.Value.Trim());
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value.Trim() == title);
        // Inline SVG is allowed by the policy only because it carries no style attribute; the policy stays strict.
        Assert.DoesNotMatch(@"\sstyle\s*=|<style", figure.ToString());
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("style-src 'self';", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
    }

    [Fact]
    public async Task The_surgeon_funnel_chart_names_surgeons_by_pseudonym_for_a_researcher_and_by_code_for_an_administrator()
    {
        var researcher = await (await SignedInAsync("researcher")).GetStringAsync("/Statistics");
        var admin = await (await SignedInAsync("admin")).GetStringAsync("/Statistics");

        var pseudonymous = XElement.Parse(Figure(researcher, "chart-funnel-surgeons")).ToString();
        var named = XElement.Parse(Figure(admin, "chart-funnel-surgeons")).ToString();
        Assert.DoesNotMatch(SurgeonCode(), pseudonymous);
        Assert.Contains("Surgeon A", pseudonymous);
        Assert.Matches(SurgeonCode(), named);
    }

    private static string Figure(string html, string id)
    {
        var match = Regex.Match(html, $"<figure class=\"chart\" id=\"{id}-figure\">.*?</figure>", RegexOptions.Singleline);
        Assert.True(match.Success, $"no figure {id} on /Statistics");
        return match.Value;
    }

    [GeneratedRegex(@"\b[A-Z]{3}-S\d\b")]
    private static partial Regex SurgeonCode();
}

public sealed class SqliteStatisticsChartsPageTests(SqliteTestDatabase database) : StatisticsChartsPageTests<SqliteTestDatabase>(database);

public sealed class PostgresStatisticsChartsPageTests(PostgresTestDatabase database) : StatisticsChartsPageTests<PostgresTestDatabase>(database);
