using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MvdRegistry.BrowserTests;

/// <summary>
/// A researcher's export on /Exports, run by the registry's own Hangfire server, downloads by itself when ready; the
/// workbook and its read_export.R, downloaded from the page, print the registry's own headline numbers in R.
/// </summary>
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

    [Fact]
    public async Task A_researcher_downloads_the_workbook_and_its_R_script_and_R_prints_the_registrys_own_headline()
    {
        var page = await Pages.SignInAsync(browser, server, "researcher");
        await using var context = page.Context;
        // The statistics of the registry as it is now (other tests of this host add records), then its headline.
        await page.GotoAsync("/Statistics");
        await Expect(page.Locator("#snapshot-stamp")).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Compute now" }).ClickAsync();
        await Expect(page.Locator("#snapshot-stamp")).ToContainTextAsync("by researcher", new() { Timeout = 90_000 });
        await Expect(page.Locator("#snapshot-progress")).ToHaveCountAsync(0, new() { Timeout = 90_000 });
        await page.GotoAsync("/");
        var hfs = page.Locator("#researcher-headline [data-row=success-HFS] td");
        var count = (await hfs.Nth(0).InnerTextAsync()).Trim().Split('/').Select(int.Parse).ToArray();
        var interval = Regex.Match(await hfs.Nth(2).InnerTextAsync(), @"^([\d.]+)–([\d.]+)%$");
        Assert.True(interval.Success, "the headline's interval");

        await page.GotoAsync("/Exports");
        await page.Locator("#format").SelectOptionAsync("xlsx");
        var folder = Directory.CreateTempSubdirectory("mvd-browser-xlsx-").FullName;
        try
        {
            var workbook = await page.RunAndWaitForDownloadAsync(
                () => page.GetByRole(AriaRole.Button, new() { Name = "Export" }).ClickAsync(), new() { Timeout = 90_000 });
            Assert.Matches(new Regex(@"^deidentified-run\d+\.xlsx$"), workbook.SuggestedFilename);
            await workbook.SaveAsAsync(Path.Combine(folder, workbook.SuggestedFilename));
            var row = page.Locator("#job-runs tbody tr").First;
            var script = await page.RunAndWaitForDownloadAsync(() => row.GetByRole(AriaRole.Link, new() { Name = "read_export.R" }).ClickAsync());
            Assert.Equal(Path.GetFileNameWithoutExtension(workbook.SuggestedFilename) + ".read_export.R", script.SuggestedFilename);
            await script.SaveAsAsync(Path.Combine(folder, script.SuggestedFilename));

            var numbers = await RunRAsync(Path.Combine(folder, script.SuggestedFilename));

            Assert.Equal(count, new[] { (int)numbers["hfs_success_1y_x"], (int)numbers["hfs_success_1y_n"] });
            Assert.Equal(double.Parse(interval.Groups[1].Value, CultureInfo.InvariantCulture), 100 * numbers["hfs_success_1y_lower"], 0.0501);
            Assert.Equal(double.Parse(interval.Groups[2].Value, CultureInfo.InvariantCulture), 100 * numbers["hfs_success_1y_upper"], 0.0501);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Runs the script with Rscript (Debian's, installed by tests/run.sh with readxl) and reads its "name = number" lines.</summary>
    private static async Task<Dictionary<string, double>> RunRAsync(string script)
    {
        using var process = Process.Start(new ProcessStartInfo("Rscript", [script]) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException("Rscript did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"Rscript {script} exited with {process.ExitCode}:\n{await error}");
        return (await output).Split('\n').Select(line => line.Split(" = ", 2)).Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim() == "NA" ? double.NaN : double.Parse(parts[1], CultureInfo.InvariantCulture));
    }
}
