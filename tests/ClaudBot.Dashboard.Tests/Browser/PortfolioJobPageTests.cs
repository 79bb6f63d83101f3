using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Playwright;

namespace ClaudBot.Dashboard.Tests.Browser;

/// <summary>
/// A portfolio job on a real node in a real chromium: its page's Portfolio section says the settings, lists the best
/// setting of each positions count and shows the best setting's report, every figure the API's as the page formats it;
/// clicking another count's row, or a result, shows that setting's report. It fits a phone's width. A plain job's page
/// shows none of it and never asks for a portfolio.
/// </summary>
[Trait("Category", "RealServer")]
public sealed class PortfolioJobPageTests
{
    private const int PhoneWidth = 390;
    private static readonly string[] Universe = ["TCS", "INFY", "RELIANCE", "SBIN", "ITC"];

    [ChromiumFact]
    public async Task JobPage_OfAPortfolioJob_ShowsItsLanesAndReports_AndOfAPlainJobNothing()
    {
        await using var node = await DashboardNode.StartAsync();
        string id = await SubmitPortfolioJobAsync(node);
        string plain = (await node.SubmitAsync("rsi", ["TCS"], "2022-01-01", "2022-12-31")).GetProperty("id").GetString()!;
        var job = await node.WaitFinishedAsync(id, TimeSpan.FromSeconds(60));
        await node.WaitFinishedAsync(plain);
        var summary = await node.GetJsonAsync($"/api/jobs/{id}/results?top=100");
        var best = await node.GetJsonAsync($"/api/jobs/{id}/portfolio");

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
        page.Request += (_, request) => requests.Add(new Uri(request.Url).PathAndQuery);
        string baseUrl = $"http://127.0.0.1:{node.Port.ToString(CultureInfo.InvariantCulture)}";

        await page.GotoAsync($"{baseUrl}/job.html?id={id}");
        await Assertions.Expect(page.Locator("#portfolio-section")).ToBeVisibleAsync();
        await WaitShownAsync(page, best);
        Assert.Contains($"/api/jobs/{id}/portfolio", requests); // the best setting: the job's portfolio_url as it is
        Assert.Equal(Settings(job.GetProperty("spec")), await page.TextContentAsync("#pj-settings"));
        Assert.Equal("rsi: sharpe by period and lower (median across 3 position counts)", await page.TextContentAsync("#surface-title"));

        // One row per positions count, fewest first, each the summary's best of that lane; the best setting's is chosen.
        var lanes = summary.GetProperty("best_by_symbol").EnumerateArray().OrderBy(Positions).ToArray();
        Assert.Equal([1, 2, 3], lanes.Select(Positions));
        Assert.Equal(lanes.Select(LaneRow), await page.EvaluateAsync<string[][]>(PageScripts.TableCells, "#pj-lanes"));
        Assert.Equal([PortfolioReportText.Whole(best, "max_positions")], await SelectedLanesAsync(page));
        await AssertShowsReportAsync(page, best);
        Assert.True(await page.Locator("#chart-section").IsHiddenAsync(), "a lane is not a symbol: there is no symbol's equity to chart");
        Assert.DoesNotContain(requests, path => path.StartsWith("/api/", StringComparison.Ordinal) && path.Contains("/equity", StringComparison.Ordinal));
        await Chromium.ScreenshotAsync(page, "job-portfolio");

        // Another positions count's best setting, by its row: the API's report for it, asked by strategy and positions.
        var other = lanes.First(l => Positions(l) != best.GetProperty("max_positions").GetInt32());
        var otherView = await ReportAsync(node, id, other);
        await page.ClickAsync($"#pj-lanes tbody tr[data-positions='{Positions(other).ToString(CultureInfo.InvariantCulture)}']");
        await WaitShownAsync(page, otherView);
        Assert.Equal([Positions(other).ToString(CultureInfo.InvariantCulture)], await SelectedLanesAsync(page));
        await AssertShowsReportAsync(page, otherView);
        Assert.NotEqual(PortfolioReportText.Figures(best), PortfolioReportText.Figures(otherView));

        // A result that is no lane's best, by its row in the results table.
        var worst = summary.GetProperty("top").EnumerateArray().Last();
        var worstView = await ReportAsync(node, id, worst);
        await page.ClickAsync($"#results tbody tr[data-index='{worst.GetProperty("index").GetInt32().ToString(CultureInfo.InvariantCulture)}']");
        await WaitShownAsync(page, worstView);
        await AssertShowsReportAsync(page, worstView);
        Assert.Equal(1, await page.Locator("#results tbody tr.selected").CountAsync());

        await page.SetViewportSizeAsync(PhoneWidth, 844);
        await page.WaitForTimeoutAsync(400); // the charts redraw to the new width after a short debounce
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= PhoneWidth, "the portfolio section scrolls sideways on a phone");
        Assert.True((await page.EvaluateAsync<ChartPixels>(PageScripts.ChartPixels, "#pj-chart")).Width <= PhoneWidth * 2, "the portfolio chart kept its desktop width");
        await Chromium.ScreenshotAsync(page, "job-portfolio-phone");

        requests.Clear();
        await page.GotoAsync($"{baseUrl}/job.html?id={plain}");
        await page.WaitForSelectorAsync("#chart[data-drawn] canvas"); // the page has loaded and drawn the plain job's results
        Assert.True(await page.Locator("#portfolio-section").IsHiddenAsync());
        Assert.DoesNotContain(requests, path => path.StartsWith("/api/", StringComparison.Ordinal) && path.Contains("/portfolio", StringComparison.Ordinal)); // the API's, not the scripts
        Assert.Empty(errors);
    }

    /// <summary>The report's summary, figures, exposure, contribution and trades as the API has them, and both charts drawn.</summary>
    private static async Task AssertShowsReportAsync(IPage page, JsonElement view)
    {
        Assert.Equal(PortfolioReportText.Summary(view), await page.TextContentAsync("#pj-summary"));
        Assert.Equal(PortfolioReportText.Figures(view), await page.EvaluateAsync<string[][]>(PageScripts.TableCells, "#pj-figures"));
        Assert.Equal(PortfolioReportText.Exposure(view), await page.TextContentAsync("#pj-exposure"));
        Assert.Equal(PortfolioReportText.Contribution(view), await page.EvaluateAsync<string[][]>(PageScripts.TableCells, "#pj-contribution"));
        Assert.Equal(PortfolioReportText.TradesCount(view), await page.TextContentAsync("#pj-trades-count"));
        Assert.Equal(Math.Min(50, view.GetProperty("trades").GetArrayLength()), await page.Locator("#pj-trades tbody tr").CountAsync());
        int positions = view.GetProperty("max_positions").GetInt32();
        Assert.Equal($"{PortfolioReportText.Text(view, "strategy")}, {(positions == 1 ? "1 position" : $"{positions} positions")}", await page.TextContentAsync("#pj-title"));

        var equity = await page.EvaluateAsync<ChartPixels>(PageScripts.ChartPixels, "#pj-chart");
        Assert.True(equity.Line > 100, $"the portfolio's equity line is not drawn: {equity}");
        int held = await page.EvaluateAsync<int>(PageScripts.ColourPixels, new { selector = "#pj-chart .uplot:nth-child(2)", rgb = new[] { 217, 119, 6 } });
        Assert.True(held > 100, $"the positions held are not drawn: {held} pixels");
    }

    /// <summary>Until the chart of the view's setting is drawn: the page marks the chart with the setting it shows.</summary>
    private static async Task WaitShownAsync(IPage page, JsonElement view) => await page.WaitForSelectorAsync(
        $"#pj-chart[data-positions='{PortfolioReportText.Whole(view, "max_positions")}'][data-strategy='{PortfolioReportText.Text(view, "strategy")}'] canvas");

    private static Task<string[]> SelectedLanesAsync(IPage page) =>
        page.Locator("#pj-lanes tbody tr.selected").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.positions)");

    /// <summary>The settings line, worded as PortfolioJobSettings.Describe, from the job's spec.</summary>
    private static string Settings(JsonElement spec)
    {
        var portfolio = spec.GetProperty("portfolio");
        string[] counts = [.. portfolio.GetProperty("max_positions").EnumerateArray().Select(p => p.GetInt32().ToString(CultureInfo.InvariantCulture))];
        Assert.Equal(["1", "2", "3"], counts);
        return $"Every parameter set ran as one portfolio of {spec.GetProperty("symbols").GetArrayLength().ToString(CultureInfo.InvariantCulture)} symbols, at most 1, 2 or 3 positions, "
            + $"sized by {PortfolioReportText.Text(portfolio, "size")}, ranked by {PortfolioReportText.Text(portfolio, "rank")}; its benchmark is their equal-weight buy and hold.";
    }

    /// <summary>A lane's row as the page shows it: count, setting, return, return over buy and hold, CAGR, Sharpe, drawdown, trades.</summary>
    private static string[] LaneRow(JsonElement row) =>
    [
        Positions(row).ToString(CultureInfo.InvariantCulture),
        PortfolioReportText.Text(row, "strategy_text"),
        PortfolioReportText.Percent(row, "total_return"),
        PortfolioReportText.Percent(row, "excess_return"),
        PortfolioReportText.Percent(row, "cagr"),
        PortfolioReportText.Number(row, "sharpe"),
        PortfolioReportText.Percent(row, "max_drawdown"),
        PortfolioReportText.Whole(row, "trades"),
    ];

    /// <summary>A result's positions count, from its lane label ("1 position", "2 positions").</summary>
    private static int Positions(JsonElement row) =>
        int.Parse(PortfolioReportText.Text(row, "symbol").Split(' ')[0], CultureInfo.InvariantCulture);

    private static Task<JsonElement> ReportAsync(DashboardNode node, string id, JsonElement row) => node.GetJsonAsync(
        $"/api/jobs/{id}/portfolio?strategy={Uri.EscapeDataString(PortfolioReportText.Text(row, "strategy_text"))}&positions={Positions(row).ToString(CultureInfo.InvariantCulture)}");

    private static async Task<string> SubmitPortfolioJobAsync(DashboardNode node)
    {
        var portfolio = new { max_positions = new[] { 1, 2, 3 }, rank = "strength", size = "slots" };
        using var response = await node.Client.PostAsync("/api/jobs", DashboardNode.Json(new { strategies = "rsi(period=7|14|21, lower=25|30)", symbols = Universe, from = "2021-01-01", to = "2024-12-31", costs = "bps:10", portfolio }));
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }
}
