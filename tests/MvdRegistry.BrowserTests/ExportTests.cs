using System.IO.Compression;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MvdRegistry.BrowserTests;

/// <summary>A researcher's export on /Exports, run by the registry's own Hangfire server, downloads by itself when ready.</summary>
[Collection(RegistryCollection.Name)]
public sealed class ExportTests(RegistryServer server, Browser browser)
{
    [Fact]
    public async Task A_researcher_exports_the_deidentified_dataset_and_it_downloads_when_ready()
    {
        var page = await Pages.SignInAsync(browser, server, "researcher");
        await using var context = page.Context;
        await page.GotoAsync("/Exports");
        await Expect(page.Locator("#kind option[value=identified]")).ToHaveCountAsync(0);
        await page.Locator("#format").SelectOptionAsync("zip");
        await page.Locator("#indication").SelectOptionAsync("HFS");
        await page.Locator("#sites").GetByLabel("HOU").CheckAsync();
        await page.Locator("#sites").GetByLabel("BCN").CheckAsync();

        var download = await page.RunAndWaitForDownloadAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Export" }).ClickAsync(),
            new() { Timeout = 90_000 });

        Assert.Matches(new Regex(@"^deidentified-run\d+\.zip$"), download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), $"mvd-browser-export-{Guid.NewGuid():N}.zip");
        try
        {
            await download.SaveAsAsync(path);
            using var zip = ZipFile.OpenRead(path);
            Assert.Contains(zip.Entries, e => e.FullName == "codebook.csv");
            Assert.Contains(zip.Entries, e => e.FullName == "read_export.R");
            using var patients = new StreamReader(zip.GetEntry("patients.csv")!.Open());
            var lines = (await patients.ReadToEndAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            var site = Array.IndexOf(lines[0].Split(','), "site_code");
            Assert.True(lines.Length > 1, "no patient exported");
            Assert.All(lines.Skip(1), line => Assert.Contains(line.Split(',')[site], new[] { "BCN", "HOU" }));
        }
        finally
        {
            File.Delete(path);
        }
        var row = page.Locator("#job-runs tbody tr").First;
        await Expect(row.Locator("[data-field=status]")).ToHaveTextAsync("succeeded");
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = "Download" })).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("indication HFS; sites BCN,HOU");
        await Pages.ScreenshotAsync(page, "exports");
    }
}
