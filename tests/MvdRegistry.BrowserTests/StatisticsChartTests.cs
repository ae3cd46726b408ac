using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MvdRegistry.BrowserTests;

/// <summary>The statistics charts as Chromium draws them under the registry's content security policy.</summary>
[Collection(RegistryCollection.Name)]
public sealed class StatisticsChartTests(RegistryServer server, Browser browser)
{
    // The forest plot of the logistic model is left out: the 120 demo patients may give no estimates (the page says so instead).
    private static readonly string[] Charts =
        ["chart-time-to-resolution", "chart-recurrence-free", "chart-lsr", "chart-funnel-surgeons", "chart-funnel-sites"];

    [Fact]
    public async Task Every_chart_is_drawn_with_visible_text_and_no_content_security_policy_violation()
    {
        var page = await Pages.SignInAsync(browser, server, "researcher");
        await using var context = page.Context;
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add(message.Text);
        };

        await page.GotoAsync("/Statistics");
        // The first snapshot is queued when the demo data is seeded; the page reloads itself when it is ready.
        await Expect(page.Locator("#snapshot-stamp")).ToBeVisibleAsync(new() { Timeout = 90_000 });

        foreach (var id in Charts)
        {
            var svg = page.Locator($"figure#{id}-figure svg#{id}[role=img]");
            await Expect(svg).ToBeVisibleAsync();
            await Expect(page.Locator($"figure#{id}-figure figcaption")).Not.ToBeEmptyAsync();
            // Text the browser actually laid out: the chart's title, drawn as SVG text, has a real width on screen.
            var titleWidth = await svg.EvaluateAsync<double>(
                "s => Math.max(0, ...[...s.querySelectorAll('text')].filter(t => t.textContent.trim() === s.querySelector('title').textContent).map(t => t.getBBox().width))");
            Assert.True(titleWidth > 50, $"{id}: its first text is {titleWidth} px wide");
            await page.Locator($"figure#{id}-figure").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Browser.Screenshots, id + ".png") });
        }
        Assert.Empty(violations);
        await Pages.ScreenshotAsync(page, "statistics-charts");
    }
}
