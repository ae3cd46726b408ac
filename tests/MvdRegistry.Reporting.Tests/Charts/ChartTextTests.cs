using System.Xml.Linq;
using MvdRegistry.Reporting.Charts;
using MvdRegistry.Reporting.Tests.Support;
using SkiaSharp;

namespace MvdRegistry.Reporting.Tests.Charts;

/// <summary>
/// ScottPlot draws no text at all when it finds no font, without an error: every chart must carry its
/// title and axis labels as text, in the font shipped in the Reporting assembly.
/// </summary>
public class ChartTextTests
{
    public static TheoryData<string, string, string, string> Charts => new()
    {
        { "time-to-resolution", "Time to resolution of the spasm (HFS)", "Days after surgery", "Not yet resolved" },
        { "recurrence-free", "Recurrence-free time after resolution (HFS)", "Days after surgery", "Free of recurrence" },
        { "lsr", "Time to resolution by LSR disappearance (HFS)", "Days after surgery", "Not yet resolved" },
        { "funnel-surgeons", "Permanent complications by surgeon", "Operations", "With a permanent complication" },
        { "funnel-sites", "Permanent complications by site", "Operations", "With a permanent complication" },
        { "odds-ratios", "Odds of success at one year (HFS, logistic model)", "Odds ratio (log scale) with 95% CI", "Age (per 10 years)" },
    };

    public static ChartImage Chart(string name)
    {
        var s = ReferenceSnapshot.Snapshot;
        return name switch
        {
            "time-to-resolution" => KaplanMeierChart.TimeToResolution(s.KaplanMeier.TimeToResolution),
            "recurrence-free" => KaplanMeierChart.RecurrenceFree(s.KaplanMeier.RecurrenceFree),
            "lsr" => LsrCurvesChart.Build(s.LogrankLsr)!,
            "funnel-surgeons" => FunnelChart.Build(s.Funnel.P0, s.Funnel.Surgeon, r => r.Code, "surgeon")!,
            "funnel-sites" => FunnelChart.Build(s.Funnel.P0, s.Funnel.Site, r => r.Code, "site")!,
            "odds-ratios" => OddsRatioChart.Build(s.Logistic)!,
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
    }

    [Theory]
    [MemberData(nameof(Charts))]
    public void The_svg_writes_the_title_and_both_axis_labels_as_text_in_the_shipped_font(string name, string title, string xLabel, string yText)
    {
        var svg = XDocument.Parse(Chart(name).ToSvg("c"));
        var texts = svg.Descendants(XName.Get("text", "http://www.w3.org/2000/svg"))
            .Select(t => (Text: t.Value.Trim(), Font: (string?)t.Attribute("font-family")))
            .ToList();

        Assert.Contains((title, ChartFont.Family), texts);
        Assert.Contains((xLabel, ChartFont.Family), texts);
        Assert.Contains((yText, ChartFont.Family), texts);
        Assert.All(texts, t => Assert.Equal(ChartFont.Family, t.Font));
    }

    [Theory]
    [MemberData(nameof(Charts))]
    public void The_png_has_the_titles_ink_at_its_top(string name, string title, string xLabel, string yText)
    {
        _ = (title, xLabel, yText);
        using var bitmap = SKBitmap.Decode(Chart(name).ToPng());

        // The title is drawn in near-black in the top 36 pixels, above the data area; nothing else is dark there.
        var dark = 0;
        for (var y = 0; y < 36; y++)
        for (var x = 0; x < bitmap.Width; x++)
        {
            var p = bitmap.GetPixel(x, y);
            if (p.Red + p.Green + p.Blue < 3 * 110) dark++;
        }
        Assert.True(dark > 150, $"{name}: {dark} dark pixels in the title band of a {bitmap.Width}x{bitmap.Height} PNG");
    }

    [Fact]
    public void Charts_take_their_typefaces_from_the_shipped_font_not_from_the_machine()
    {
        ChartFont.EnsureRegistered();

        // Both typefaces come out of the assembly's resources; the machine's DejaVu Sans, if any, is never asked.
        Assert.Same(ChartFont.Regular, ScottPlot.Fonts.GetTypeface(ChartFont.Family, bold: false, italic: false));
        Assert.Same(ChartFont.Bold, ScottPlot.Fonts.GetTypeface(ChartFont.Family, bold: true, italic: false));
        Assert.Equal(ChartFont.Family, ChartFont.Regular.FamilyName);
        Assert.Equal(ChartFont.Family, ScottPlot.Fonts.Default);
    }
}
