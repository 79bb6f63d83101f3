using System.Globalization;
using System.Net;
using System.Text.Json;
using ClaudBot.Backtesting.Execution;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ClaudBot.Dashboard.Tests.Browser;

/// <summary>
/// The overview's Portfolio section in a real headless chromium on a real node: rsi on TCS, INFY and SBIN with at most
/// two positions shows the API's figures as the page formats them, draws both equity curves and the positions held,
/// lists the traded symbols' contribution largest P&amp;L first; max positions 0 says the API's one line under its field
/// and shows no results. Its rank and size, slippage, exits and symbols' own strategies reach the API; a grid or several
/// counts queues a portfolio job.
/// </summary>
[Trait("Category", "RealServer")]
public sealed class PortfolioSectionTests(ITestOutputHelper output)
{
    [ChromiumFact]
    public async Task PortfolioForm_ShowsTheApisFiguresChartAndContribution_AndMaxPositionsZeroUnderItsField()
    {
        await using var node = await DashboardNode.StartAsync();
        var view = await PortfolioAsync(node, 2, HttpStatusCode.OK);
        string refused = (await PortfolioAsync(node, 0, HttpStatusCode.BadRequest)).GetProperty("detail").GetString()!;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.Contains("400", StringComparison.Ordinal))
            {
                errors.Add(message.Text); // a CSP violation is reported here; the refused portfolio's 400 is expected
            }
        };
        await page.GotoAsync($"http://127.0.0.1:{node.Port.ToString(CultureInfo.InvariantCulture)}/");
        await page.FillAsync("#pf-strategy", "rsi");
        await page.FillAsync("#pf-symbols", "TCS, INFY, SBIN");
        await page.FillAsync("#pf-from", "2021-01-01");
        await page.FillAsync("#pf-to", "2024-12-31");
        await page.FillAsync("#pf-max-positions", "2");
        await page.ClickAsync("#pf-run");
        await page.WaitForSelectorAsync("#pf-chart[data-drawn] canvas");
        Assert.False(await page.IsVisibleAsync("#pf-status"), "the page said the portfolio failed");

        var portfolio = view.GetProperty("portfolio");
        var hold = view.GetProperty("buy_hold");
        Assert.Equal((3, 2), (view.GetProperty("symbols").GetInt32(), view.GetProperty("max_positions").GetInt32()));
        Assert.Equal(PortfolioReportText.Summary(view), await page.TextContentAsync("#pf-summary"));
        Assert.Equal(PortfolioReportText.Figures(view), await page.EvaluateAsync<string[][]>(PageScripts.TableCells, "#pf-figures"));
        Assert.True(portfolio.GetProperty("trades").GetInt32() > 0, "rsi traded nothing: the figures prove little");

        var equity = await page.EvaluateAsync<ChartPixels>(PageScripts.ChartPixels, "#pf-chart");
        Assert.True(equity.Line > 100, $"the portfolio's equity line is not drawn: {equity}");
        int positions = await page.EvaluateAsync<int>(PageScripts.ColourPixels, new { selector = "#pf-chart .uplot:nth-child(2)", rgb = new[] { 217, 119, 6 } });
        Assert.True(positions > 100, $"the positions held are not drawn: {positions} pixels");

        var traded = view.GetProperty("contribution").EnumerateArray().Where(c => c.GetProperty("trades").GetInt32() > 0)
            .OrderByDescending(c => c.GetProperty("profit_loss").GetDouble()).ToArray();
        Assert.NotEmpty(traded);
        string[][] contribution = await page.EvaluateAsync<string[][]>(PageScripts.TableCells, "#pf-contribution");
        Assert.Equal(traded.Select(c => c.GetProperty("symbol").GetString()), contribution.Select(r => r[0]));
        Assert.Equal(traded.Select(c => RupeesText.Compact(c.GetProperty("profit_loss").GetDouble())), contribution.Select(r => r[1]));

        int trades = view.GetProperty("trades").GetArrayLength();
        Assert.Equal(Math.Min(50, trades), await page.Locator("#pf-trades tbody tr").CountAsync());
        Assert.StartsWith($"Trades: {trades.ToString(CultureInfo.InvariantCulture)}", await page.TextContentAsync("#pf-trades-count"), StringComparison.Ordinal);
        await Chromium.ScreenshotAsync(page, "overview-portfolio");
        output.WriteLine($"portfolio {PortfolioReportText.Percent(portfolio, "total_return")} vs {PortfolioReportText.Percent(hold, "total_return")}; {trades} trades; contribution {string.Join(", ", contribution.Select(r => $"{r[0]} {r[1]}"))}");

        await page.FillAsync("#pf-max-positions", "0");
        await page.ClickAsync("#pf-run");
        await Assertions.Expect(page.Locator("#pf-portfolio-error")).ToHaveTextAsync(refused);
        Assert.Equal("true", await page.GetAttributeAsync("#pf-max-positions", "aria-invalid"));
        Assert.True(await page.Locator("#pf-result").IsHiddenAsync(), "a refused portfolio still shows the last results");
        Assert.False(await page.IsVisibleAsync("#pf-status"));
        await Chromium.ScreenshotAsync(page, "overview-portfolio-error");
        Assert.Empty(errors);
    }

    [ChromiumFact]
    public async Task PortfolioForm_PassesRankAndSize_AndAGridWithSeveralCounts_QueuesAPortfolioJob()
    {
        await using var node = await DashboardNode.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync($"http://127.0.0.1:{node.Port.ToString(CultureInfo.InvariantCulture)}/");
        await page.FillAsync("#pf-strategy", "rsi");
        await page.FillAsync("#pf-symbols", "TCS, INFY, SBIN");
        await page.FillAsync("#pf-max-positions", "2");
        await page.FillAsync("#pf-rank", "momentum(21)");
        await page.FillAsync("#pf-size", "pct:40");
        await page.ClickAsync("#pf-run");
        await page.WaitForSelectorAsync("#pf-chart[data-drawn] canvas");

        // One portfolio with the rank and size typed: the page shows the API's answer to the same request.
        using (var response = await node.Client.PostAsync("/api/portfolio", DashboardNode.Json(new { strategy = "rsi", symbols = new[] { "TCS", "INFY", "SBIN" }, from = "2021-01-01", to = "2024-12-31", max_positions = 2, rank = "momentum(21)", size = "pct:40" })))
        {
            var view = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(("momentum(21)", "pct:40"), (view.GetProperty("rank").GetString(), view.GetProperty("size").GetString()));
            Assert.Equal(PortfolioReportText.Summary(view), await page.TextContentAsync("#pf-summary"));
        }

        // A grid with several counts: a portfolio job, linked to its page, with what the form said.
        await page.FillAsync("#pf-strategy", "rsi(period=7|14)");
        await page.FillAsync("#pf-max-positions", "1, 2");
        await page.ClickAsync("#pf-run");
        var link = page.Locator("#pf-submitted");
        await Assertions.Expect(link).ToBeVisibleAsync();
        string id = (await link.TextContentAsync())!["job ".Length..];
        Assert.EndsWith($"/job.html?id={id}", await link.GetAttributeAsync("href"), StringComparison.Ordinal);
        var spec = (await node.GetJsonAsync($"/api/jobs/{id}")).GetProperty("spec");
        var portfolio = spec.GetProperty("portfolio");
        Assert.Equal([1, 2], portfolio.GetProperty("max_positions").EnumerateArray().Select(p => p.GetInt32()));
        Assert.Equal(("momentum(21)", "pct:40"), (portfolio.GetProperty("rank").GetString(), portfolio.GetProperty("size").GetString()));
        Assert.Equal(["TCS", "INFY", "SBIN"], spec.GetProperty("symbols").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains("4 portfolios", await page.TextContentAsync("#pf-status"), StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    [ChromiumFact]
    public async Task PortfolioForm_PassesSlippageExitsAndOwnStrategies_AndSaysABadOneUnderItsField()
    {
        await using var node = await DashboardNode.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync($"http://127.0.0.1:{node.Port.ToString(CultureInfo.InvariantCulture)}/");
        await page.FillAsync("#pf-strategy", "rsi");
        await page.FillAsync("#pf-symbols", "TCS, INFY, SBIN");
        await page.FillAsync("#pf-max-positions", "2");
        await page.FillAsync("#pf-slippage-bps", "10");
        await page.FillAsync("#pf-stop", "5");
        await page.FillAsync("#pf-trail", "8");
        await page.FillAsync("#pf-per-symbol", "SBIN=macd(fast=8, slow=21)");
        await page.ClickAsync("#pf-run");
        await page.WaitForSelectorAsync("#pf-chart[data-drawn] canvas");

        // The page shows the API's answer to the same request, and those fields changed it.
        var asked = new Dictionary<string, object>
        {
            ["strategy"] = "rsi", ["symbols"] = new[] { "TCS", "INFY", "SBIN" }, ["from"] = "2021-01-01", ["to"] = "2024-12-31", ["max_positions"] = 2,
        };
        var plain = await PostAsync(node, asked);
        asked["slippage_bps"] = 10;
        asked["stop"] = 5;
        asked["trail"] = 8;
        asked["per_symbol"] = new Dictionary<string, string> { ["SBIN"] = "macd(fast=8, slow=21)" };
        var view = await PostAsync(node, asked);
        Assert.Equal(PortfolioReportText.Figures(view), await page.EvaluateAsync<string[][]>(PageScripts.TableCells, "#pf-figures"));
        Assert.NotEqual(PortfolioReportText.Figures(plain), PortfolioReportText.Figures(view));

        // A stop the node refuses: its one line under Stop. Text that is no number, or an entry without '=': said here.
        await page.FillAsync("#pf-stop", "-5");
        await page.ClickAsync("#pf-run");
        asked["stop"] = -5;
        string refused = await RefusedAsync(node, asked, "stop");
        await Assertions.Expect(page.Locator("#pf-stop-error")).ToHaveTextAsync(refused);
        Assert.Equal("true", await page.GetAttributeAsync("#pf-stop", "aria-invalid"));
        Assert.True(await page.Locator("#pf-result").IsHiddenAsync(), "a refused portfolio still shows the last results");

        await page.FillAsync("#pf-stop", "5");
        await page.FillAsync("#pf-slippage-bps", "ten");
        await page.ClickAsync("#pf-run");
        await Assertions.Expect(page.Locator("#pf-slippage_bps-error")).ToHaveTextAsync("'ten' is not a number (basis points).");
        Assert.True(await page.Locator("#pf-stop-error").IsHiddenAsync());

        await page.FillAsync("#pf-slippage-bps", "10");
        await page.FillAsync("#pf-per-symbol", "SBIN");
        await page.ClickAsync("#pf-run");
        await Assertions.Expect(page.Locator("#pf-per_symbol-error")).ToHaveTextAsync("'SBIN' is not SYMBOL=STRATEGY, e.g. SBIN=macd.");

        // A grid: a portfolio job carrying the slippage and the symbol's own strategy.
        await page.FillAsync("#pf-per-symbol", "SBIN=macd(fast=8, slow=21)");
        await page.FillAsync("#pf-strategy", "rsi(period=7|14)");
        await page.ClickAsync("#pf-run");
        var link = page.Locator("#pf-submitted");
        await Assertions.Expect(link).ToBeVisibleAsync();
        var spec = (await node.GetJsonAsync($"/api/jobs/{(await link.TextContentAsync())!["job ".Length..]}")).GetProperty("spec");
        Assert.Equal(10, spec.GetProperty("slippage_bps").GetDouble());
        Assert.StartsWith("macd(fast=8, slow=21", spec.GetProperty("portfolio").GetProperty("per_symbol").GetProperty("SBIN").GetString(), StringComparison.Ordinal);
        await Chromium.ScreenshotAsync(page, "overview-portfolio-execution");
        Assert.Empty(errors);
    }

    private static Task<JsonElement> PostAsync(DashboardNode node, Dictionary<string, object> body) => PortfolioAsync(node, body, HttpStatusCode.OK);

    private static async Task<string> RefusedAsync(DashboardNode node, Dictionary<string, object> body, string field)
    {
        var problem = await PortfolioAsync(node, body, HttpStatusCode.BadRequest);
        Assert.Equal(field, problem.GetProperty("field").GetString());
        return problem.GetProperty("detail").GetString()!;
    }

    private static Task<JsonElement> PortfolioAsync(DashboardNode node, int maxPositions, HttpStatusCode expected) =>
        PortfolioAsync(node, new { strategy = "rsi", symbols = new[] { "TCS", "INFY", "SBIN" }, from = "2021-01-01", to = "2024-12-31", max_positions = maxPositions }, expected);

    // POST /api/portfolio: the answer's JSON, after checking its status (the body is shown when it differs).
    private static async Task<JsonElement> PortfolioAsync(DashboardNode node, object request, HttpStatusCode expected)
    {
        using var response = await node.Client.PostAsync("/api/portfolio", DashboardNode.Json(request));
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
