using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ClaudBot.Dashboard.Tests.Browser;

/// <summary>
/// The new-job form's execution fields in a real headless chromium: a bad size shows the API's one line under the Size
/// field and queues nothing; zerodha-delivery runs with the model's whole shares, and the job page shows each result's
/// fees and turnover as the API serves them, and says how many entries a size that buys no whole share skipped.
/// </summary>
[Trait("Category", "RealServer")]
public sealed class ExecutionFormTests(ITestOutputHelper output)
{
    [ChromiumFact]
    public async Task ZerodhaDeliveryThroughTheForm_RunsWithItsCharges_AndTheJobPageShowsFeesAndTurnover_ABadSizeIsSaidUnderItsField()
    {
        await using var node = await DashboardNode.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.Contains("400", StringComparison.Ordinal))
            {
                errors.Add(message.Text); // a CSP violation is reported here; the refused submission's 400 is expected
            }
        };
        await page.GotoAsync($"http://127.0.0.1:{node.Port.ToString(CultureInfo.InvariantCulture)}/");
        await page.FillAsync("#strategy", "rsi");
        await Assertions.Expect(page.Locator("#submit")).ToBeEnabledAsync();
        await page.FillAsync("#symbols", "TCS");
        await page.FillAsync("#costs", "zerodha-delivery");

        await page.FillAsync("#size", "half");
        await page.ClickAsync("#submit");
        await Assertions.Expect(page.Locator("#size-error")).ToHaveTextAsync("'half' is not a size: write all, pct:P (P% of equity) or amount:A (A rupees).");
        Assert.False(await page.IsVisibleAsync("#submitted"));
        Assert.Equal("true", await page.GetAttributeAsync("#size", "aria-invalid"));
        Assert.False(await page.IsVisibleAsync("#costs-error"));
        await Chromium.ScreenshotAsync(page, "execution-form-error");

        await page.FillAsync("#size", string.Empty);
        await page.ClickAsync("#submit");
        var link = page.Locator("#submitted");
        await link.WaitForAsync();
        Assert.False(await page.IsVisibleAsync("#size-error"));
        Assert.Null(await page.GetAttributeAsync("#size", "aria-invalid"));
        string id = (await link.GetAttributeAsync("href"))!.Split("id=")[1];
        var spec = (await node.GetJsonAsync($"/api/jobs/{id}")).GetProperty("spec");
        Assert.Equal(("zerodha-delivery", true), (spec.GetProperty("costs").GetString(), spec.GetProperty("whole_shares").GetBoolean()));

        await link.ClickAsync();
        await page.WaitForSelectorAsync("#results tbody tr", new() { Timeout = 30_000 });
        var row = (await node.GetJsonAsync($"/api/jobs/{id}/results")).GetProperty("top")[0];
        double fees = row.GetProperty("fees").GetDouble();
        double turnover = row.GetProperty("turnover").GetDouble();
        Assert.True(fees > 0, "zerodha-delivery charges every trade");
        string[] cells = await page.EvalOnSelectorAllAsync<string[]>(
            "#results tbody tr:first-child td", "cells => cells.map(c => c.textContent)");
        string[] keys = await page.EvalOnSelectorAllAsync<string[]>("#results th", "headers => headers.map(h => h.dataset.key)");
        Assert.Equal(ClaudBot.Backtesting.Execution.RupeesText.Compact(fees), cells[Array.IndexOf(keys, "fees")]);
        Assert.Equal(turnover.ToString("0.00", CultureInfo.InvariantCulture) + "×", cells[Array.IndexOf(keys, "turnover")]);
        Assert.Equal(row.GetProperty("sortino").GetDouble().ToString("0.00", CultureInfo.InvariantCulture), cells[Array.IndexOf(keys, "sortino")]);
        Assert.Equal(row.GetProperty("calmar").GetDouble().ToString("0.00", CultureInfo.InvariantCulture), cells[Array.IndexOf(keys, "calmar")]);
        Assert.False(await page.IsVisibleAsync("#skipped"));
        await Chromium.ScreenshotAsync(page, "execution-job-page");
        output.WriteLine($"job {id}: fees {fees:0.00} shown as {cells[Array.IndexOf(keys, "fees")]}, turnover {turnover:0.000}");

        // TCS never traded below Rs 1,000: a size of 1000 buys no whole share, and the page says how many entries it skipped.
        await page.GotoAsync($"http://127.0.0.1:{node.Port.ToString(CultureInfo.InvariantCulture)}/");
        await page.FillAsync("#strategy", "rsi");
        await Assertions.Expect(page.Locator("#submit")).ToBeEnabledAsync();
        await page.FillAsync("#symbols", "TCS");
        await page.FillAsync("#costs", "zerodha-delivery");
        await page.FillAsync("#size", "amount:1000");
        await page.ClickAsync("#submit");
        await page.Locator("#submitted").ClickAsync();
        await page.WaitForSelectorAsync("#results tbody tr", new() { Timeout = 30_000 });
        string skippingId = page.Url.Split("id=")[1];
        int skipped = (await node.GetJsonAsync($"/api/jobs/{skippingId}/results")).GetProperty("top")[0].GetProperty("skipped_entries").GetInt32();
        Assert.True(skipped > 0, "every entry of a size of Rs 1,000 on TCS is skipped");
        await Assertions.Expect(page.Locator("#skipped")).ToHaveTextAsync(
            $"The result skipped {skipped} entries: the size bought zero whole shares (a larger size, or fractional shares, takes them).");
        Assert.Empty(errors);
    }
    [ChromiumFact]
    public async Task ExitsThroughTheForm_ReachTheJob_AndOneTheNodeRefuses_OrNoNumber_IsSaidUnderItsField()
    {
        await using var node = await DashboardNode.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync($"http://127.0.0.1:{node.Port.ToString(CultureInfo.InvariantCulture)}/");
        await page.FillAsync("#strategy", "rsi");
        await Assertions.Expect(page.Locator("#submit")).ToBeEnabledAsync();
        await page.FillAsync("#symbols", "TCS");

        await page.FillAsync("#stop", "-3");
        await page.ClickAsync("#submit");
        using (var refused = await node.Client.PostAsync("/api/jobs", DashboardNode.Json(new { strategies = "rsi", symbols = new[] { "TCS" }, from = "2021-01-01", to = "2023-12-31", stop = -3 })))
        {
            var problem = System.Text.Json.JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("stop", problem.GetProperty("field").GetString());
            await Assertions.Expect(page.Locator("#stop-error")).ToHaveTextAsync(problem.GetProperty("detail").GetString()!);
        }

        Assert.Equal("true", await page.GetAttributeAsync("#stop", "aria-invalid"));
        await page.FillAsync("#stop", "5");
        await page.FillAsync("#trail", "eight");
        await page.ClickAsync("#submit");
        await Assertions.Expect(page.Locator("#trail-error")).ToHaveTextAsync("'eight' is not a percentage.");
        Assert.False(await page.IsVisibleAsync("#stop-error"));
        Assert.False(await page.IsVisibleAsync("#submitted"));

        await page.FillAsync("#trail", "8");
        await page.ClickAsync("#submit");
        var link = page.Locator("#submitted");
        await link.WaitForAsync();
        string id = (await link.GetAttributeAsync("href"))!.Split("id=")[1];
        string strategies = (await node.GetJsonAsync($"/api/jobs/{id}")).GetProperty("spec").GetProperty("strategies").GetString()!;
        output.WriteLine($"job {id}: {strategies}");
        Assert.Contains("stop=5%", strategies, StringComparison.Ordinal);
        Assert.Contains("trail=8%", strategies, StringComparison.Ordinal);
        Assert.Empty(errors);
    }
}
