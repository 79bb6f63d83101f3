using ClaudBot.Testing;
using Microsoft.Playwright;

namespace ClaudBot.Dashboard.Tests.Browser;

/// <summary>Launches Debian's chromium headless through Playwright; no browser is ever downloaded.</summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>Where the screenshots go: TestResults/screenshots under the test's output folder.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        QuickRun.Refuse("chromium");
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        string path = Path.Combine(ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
