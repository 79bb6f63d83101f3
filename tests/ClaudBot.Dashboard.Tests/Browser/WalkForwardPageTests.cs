using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Playwright;

namespace ClaudBot.Dashboard.Tests.Browser;

/// <summary>
/// A walk-forward job on a real node in a real chromium: the job page shows its settings, one row per symbol and, for
/// the chosen symbol, the chart with a marker per window and the windows' picks, every figure the report's as the page
/// formats it; choosing another symbol swaps both. A plain job's page shows none of it and never asks for a report.
/// </summary>
[Trait("Category", "RealServer")]
public sealed class WalkForwardPageTests
{
    private const int PhoneWidth = 390;

    [ChromiumFact]
    public async Task JobPage_OfAWalkForward_ShowsTheReportPerSymbolAndWindow_AndOfAPlainJobNothing()
    {
        await using var node = await DashboardNode.StartAsync();
        string walkForward = await SubmitWalkForwardAsync(node);
        string plain = (await node.SubmitAsync("rsi", ["TCS"], "2022-01-01", "2022-12-31")).GetProperty("id").GetString()!;
        await node.WaitFinishedAsync(walkForward, TimeSpan.FromSeconds(60));
        await node.WaitFinishedAsync(plain);
        var report = await node.GetJsonAsync($"/api/jobs/{walkForward}/walkforward");
        var symbols = report.GetProperty("symbols").EnumerateArray().ToDictionary(s => s.GetProperty("symbol").GetString()!);
        Assert.Equal(["TCS", "INFY"], symbols.Keys);

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
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        string baseUrl = $"http://127.0.0.1:{node.Port.ToString(CultureInfo.InvariantCulture)}";

        await page.GotoAsync($"{baseUrl}/job.html?id={walkForward}");
        await Assertions.Expect(page.Locator("#walkforward-section")).ToBeVisibleAsync();
        await page.WaitForSelectorAsync("#wf-chart[data-symbol='TCS'] canvas");
        Assert.Contains(requests, url => url.EndsWith($"/api/jobs/{walkForward}/walkforward", StringComparison.Ordinal));
        Assert.Equal("2 years in, 6 months out every 6 months, rolling, picked by cagr with at least 1 trade", await page.TextContentAsync("#wf-settings"));
        Assert.Equal(WalkForwardFigures.Number(report, "median_efficiency"), await page.TextContentAsync("#wf-median"));

        // One row per symbol in the report's order, every figure the report's; the first is chosen.
        string[][] symbolRows = await page.EvaluateAsync<string[][]>(PageScripts.TableCells, "#wf-symbols");
        Assert.Equal(symbols.Values.Select(WalkForwardFigures.SymbolRow), symbolRows);
        Assert.Equal(["TCS"], await page.Locator("#wf-symbols tbody tr.selected").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.symbol)"));

        var tcsRows = await AssertShowsSymbolAsync(page, symbols["TCS"]);
        await Chromium.ScreenshotAsync(page, "job-walkforward");

        await page.ClickAsync("#wf-symbols tbody tr[data-symbol='INFY']");
        await page.WaitForSelectorAsync("#wf-chart[data-symbol='INFY'] canvas");
        Assert.Equal(["INFY"], await page.Locator("#wf-symbols tbody tr.selected").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.symbol)"));
        var infyRows = await AssertShowsSymbolAsync(page, symbols["INFY"]);
        Assert.NotEqual(tcsRows, infyRows);

        await page.SetViewportSizeAsync(PhoneWidth, 844);
        await page.WaitForTimeoutAsync(400); // the charts redraw to the new width after a short debounce
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= PhoneWidth, "the walk-forward section scrolls sideways on a phone");
        Assert.True((await page.EvaluateAsync<ChartPixels>(PageScripts.ChartPixels, "#wf-chart")).Width <= PhoneWidth * 2, "the walk-forward chart kept its desktop width");
        await Chromium.ScreenshotAsync(page, "job-walkforward-phone");

        requests.Clear();
        await page.GotoAsync($"{baseUrl}/job.html?id={plain}");
        await page.WaitForSelectorAsync("#chart[data-drawn] canvas"); // the page has loaded and drawn the plain job's results
        Assert.True(await page.Locator("#walkforward-section").IsHiddenAsync());
        Assert.Contains(requests, url => url.Contains($"/api/jobs/{plain}/results", StringComparison.Ordinal));
        Assert.DoesNotContain(requests, url => new Uri(url).AbsolutePath.EndsWith("/walkforward", StringComparison.Ordinal)); // the API's, not walkforward.js
        Assert.Empty(errors);
    }

    /// <summary>
    /// The chosen symbol's windows table (the report's rows, its picks' parameters text), its chart drawn with the
    /// walk-forward line, and one marker per window at increasing places from the plot's left edge. Returns the rows.
    /// </summary>
    private static async Task<string[][]> AssertShowsSymbolAsync(IPage page, JsonElement symbol)
    {
        var windows = symbol.GetProperty("windows").EnumerateArray().ToArray();
        Assert.Equal(4, windows.Length);
        string[][] rows = await page.EvaluateAsync<string[][]>(PageScripts.TableCells, "#wf-windows");
        Assert.Equal(windows.Select(WalkForwardFigures.WindowRow), rows);
        Assert.Equal(windows.Select(WalkForwardFigures.Parameters), rows.Select(r => r[3]));
        Assert.All(rows, r => Assert.StartsWith("rsi(period=", r[3], StringComparison.Ordinal));
        Assert.EndsWith($" on {symbol.GetProperty("symbol").GetString()}", await page.TextContentAsync("#wf-chart-title"), StringComparison.Ordinal);

        var pixels = await page.EvaluateAsync<ChartPixels>(PageScripts.ChartPixels, "#wf-chart");
        Assert.True(pixels.Line > 100, $"the walk-forward line is not drawn: {pixels}");

        var markers = await page.EvaluateAsync<MarkerPositions>(PageScripts.BoundaryMarkers);
        Assert.Equal(windows.Length, markers.Lefts.Length);
        Assert.InRange(markers.Lefts[0], -1, 1); // the first window starts on the curve's first day
        Assert.All(markers.Lefts.Zip(markers.Lefts.Skip(1)), pair => Assert.True(pair.Second > pair.First + 10, $"markers not spread over time: {string.Join(", ", markers.Lefts)}"));
        Assert.InRange(markers.Lefts[^1], markers.Width / 2, markers.Width);
        return rows;
    }

    private static async Task<string> SubmitWalkForwardAsync(DashboardNode node)
    {
        var walkForward = new { @in = "2 years", @out = "6 months", objective = "cagr", min_trades = 1 };
        using var response = await node.Client.PostAsync("/api/jobs", DashboardNode.Json(new { strategies = "rsi(period=7|14)", symbols = new[] { "TCS", "INFY" }, from = "2021-01-01", to = "2024-12-31", cost_bps = 10, walk_forward = walkForward }));
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }
}
