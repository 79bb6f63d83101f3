using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ClaudBot.Dashboard.Tests.Browser;

/// <summary>
/// The pages in a real headless chromium against a real node: a job submitted through the API climbs to
/// 100% on the overview without a reload, its page draws the chart and sorts the table, and a phone-sized
/// screen does not scroll sideways. Screenshots go to TestResults/screenshots under the output folder.
/// </summary>
[Trait("Category", "RealServer")]
public sealed class DashboardPagesTests(ITestOutputHelper output)
{
    private const int PhoneWidth = 390;

    [ChromiumFact]
    public async Task Overview_FollowsAJobLiveToDone_AndItsPageChartsAndSortsResults_OnDesktopAndPhone()
    {
        var clock = Stopwatch.StartNew();
        // One task per chunk, each slowed to 0.3 s: 8 backtests on 4 slots take a couple of waves, slow enough to watch.
        await using var node = await DashboardNode.StartAsync(new Dictionary<string, string?>
        {
            ["Cluster:ThrottlePerTask"] = "00:00:00.3",
            ["Cluster:ChunkSize"] = "1",
        });
        string baseUrl = $"http://127.0.0.1:{node.Port.ToString(CultureInfo.InvariantCulture)}";
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        var offsite = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                errors.Add($"{response.Status} {response.Url}");
            }
        };
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(baseUrl + "/", StringComparison.Ordinal) && !request.Url.StartsWith($"ws://127.0.0.1:{node.Port.ToString(CultureInfo.InvariantCulture)}/", StringComparison.Ordinal))
            {
                offsite.Add(request.Url); // every asset is served by the node: no CDN
            }
        };
        output.WriteLine($"node and browser up: {clock.ElapsedMilliseconds} ms");

        await page.GotoAsync(baseUrl + "/");
        await page.WaitForSelectorAsync("#live.on"); // the socket is open and the snapshot has arrived
        Assert.Equal("1", await page.TextContentAsync("#t-workers"));
        Assert.Equal("0/4", await page.TextContentAsync("#t-slots"));
        double loadedAt = await page.EvaluateAsync<double>("() => window.claudbotLoadedAt");
        int navigations = 0;
        page.FrameNavigated += (_, frame) => navigations += frame == page.MainFrame ? 1 : 0;
        await page.EvaluateAsync(PageScripts.RecordProgress);

        string id = (await node.SubmitAsync("rsi,macd", ["TCS", "INFY", "RELIANCE", "ITC"], "2021-01-01", "2023-12-31")).GetProperty("id").GetString()!;
        var row = page.Locator($"#jobs tr[data-id='{id}']");
        await row.WaitForAsync();
        await Chromium.ScreenshotAsync(page, "overview-running");
        await Assertions.Expect(row.Locator("[role=progressbar]")).ToHaveAttributeAsync("aria-valuenow", "100", new() { Timeout = 30_000 });
        await Assertions.Expect(row).ToHaveAttributeAsync("data-state", "completed");
        await Assertions.Expect(row.Locator(".backtests")).ToHaveTextAsync("8/8");
        output.WriteLine($"job {id} at 100% on the overview: {clock.ElapsedMilliseconds} ms");

        string[] seen = await page.EvaluateAsync<string[]>("() => window.progressSeen");
        var values = seen.Where(s => s.StartsWith(id + ":", StringComparison.Ordinal)).Select(s => int.Parse(s[(id.Length + 1)..], CultureInfo.InvariantCulture)).Distinct().ToList();
        Assert.Contains(values, v => v is > 0 and < 100); // it climbed in steps, live
        Assert.Equal(values.Order(), values);
        Assert.Equal(0, navigations);
        Assert.Equal(loadedAt, await page.EvaluateAsync<double>("() => window.claudbotLoadedAt"));
        output.WriteLine("progress seen: " + string.Join(" ", values));
        await Chromium.ScreenshotAsync(page, "overview-desktop");

        await row.Locator("a").ClickAsync();
        await page.WaitForURLAsync($"**/job.html?id={id}");
        await page.WaitForSelectorAsync("#chart[data-drawn] canvas");
        Assert.Equal(8, await page.Locator("#results tbody tr").CountAsync());
        var pixels = await page.EvaluateAsync<ChartPixels>(PageScripts.ChartPixels);
        output.WriteLine($"chart {pixels.Width}x{pixels.Height}: {pixels.Painted} painted pixels, {pixels.Line} of the strategy line");
        Assert.True(pixels.Line > 100, $"the equity line is not drawn: {pixels}");
        Assert.Equal($"/api/jobs/{id}/results?full=1", await page.GetAttributeAsync("#download", "href"));
        await Chromium.ScreenshotAsync(page, "job-desktop");

        await AssertSortsAsync(page, "total_return", numeric: true);
        await AssertSortsAsync(page, "symbol", numeric: false);
        await AssertSortsAsync(page, "trades", numeric: true);
        output.WriteLine($"job page charted and sorted: {clock.ElapsedMilliseconds} ms");

        await page.SetViewportSizeAsync(PhoneWidth, 844);
        await page.WaitForTimeoutAsync(400); // the chart redraws to the new width after a short debounce
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= PhoneWidth, "the job page scrolls sideways on a phone");
        Assert.True((await page.EvaluateAsync<ChartPixels>(PageScripts.ChartPixels)).Line > 50);
        await Chromium.ScreenshotAsync(page, "job-phone");
        await page.GotoAsync(baseUrl + "/");
        await page.WaitForSelectorAsync($"#jobs tr[data-id='{id}']");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= PhoneWidth, "the overview scrolls sideways on a phone");
        await Chromium.ScreenshotAsync(page, "overview-phone");

        Assert.Empty(errors);
        Assert.Empty(offsite);
        output.WriteLine($"screenshots in {Chromium.ScreenshotDirectory}; total {clock.ElapsedMilliseconds} ms");
    }

    /// <summary>Clicks a header twice: each click sorts the column, the second the other way round.</summary>
    [ChromiumFact]
    public async Task Overview_ShowsEachWorkersLiveSlots_AndMarksDeadOnes()
    {
        await using var node = await DashboardNode.StartAsync(cluster: false);
        await FakeWorkers.BeatAsync(node, FakeWorkers.ThreeOfFourLive("ghost-a"));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();

        await page.GotoAsync($"http://127.0.0.1:{node.Port.ToString(CultureInfo.InvariantCulture)}/");
        var row = page.Locator("#workers tr[data-id='ghost-a']");
        await row.WaitForAsync();
        await Chromium.ScreenshotAsync(page, "overview-dead-slot");

        Assert.Equal("3/4", await row.Locator(".slots").TextContentAsync());
        Assert.Equal("1 of 4 slots DEAD", await row.Locator(".health").TextContentAsync());
        Assert.Equal("1", await row.GetAttributeAsync("data-dead-slots"));
        await Assertions.Expect(row).ToHaveClassAsync("dead");
    }

    private static async Task AssertSortsAsync(IPage page, string key, bool numeric)
    {
        var directions = new List<string>();
        for (int click = 0; click < 2; click++)
        {
            await page.ClickAsync($"#results th[data-key='{key}']");
            var column = await page.EvaluateAsync<SortedColumn>(PageScripts.SortedColumn, key);
            directions.Add(column.Direction);
            IComparer<string> order = numeric
                ? Comparer<string>.Create((a, b) => double.Parse(a, CultureInfo.InvariantCulture).CompareTo(double.Parse(b, CultureInfo.InvariantCulture)))
                : StringComparer.Ordinal;
            var expected = column.Direction == "ascending" ? column.Values.Order(order) : column.Values.OrderDescending(order);
            Assert.Equal(expected, column.Values);
            Assert.True(column.Values.Distinct().Count() > 1, $"{key}: every value is the same, so the order proves nothing");
        }

        Assert.Equal(["ascending", "descending"], directions.Order(StringComparer.Ordinal));
    }
}
