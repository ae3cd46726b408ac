using Microsoft.Playwright;

namespace MvdRegistry.BrowserTests;

/// <summary>
/// Debian's Chromium (/usr/bin/chromium, installed by tests/run.sh), driven by Playwright, headless.
/// `playwright install` cannot work here: no browser is downloaded.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Chromium { get; private set; } = null!;

    /// <summary>Where each main page's screenshot is kept: artifacts/screenshots under the repository.</summary>
    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(RegistryServer.RepositoryRoot, "artifacts", "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        // Assertions (Expect) wait as long as locators and navigations do, not Playwright's 5 s.
        Assertions.SetDefaultExpectTimeout(Pages.Timeout);
        Chromium = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await Chromium.DisposeAsync();
        _playwright?.Dispose();
    }
}
