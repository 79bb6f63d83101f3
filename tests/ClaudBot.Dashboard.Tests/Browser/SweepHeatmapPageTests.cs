using System.Globalization;
using Microsoft.Playwright;

namespace ClaudBot.Dashboard.Tests.Browser;

/// <summary>
/// A sweep over two parameters of one strategy, on a real node in a real chromium: the job page draws the heatmap of the
/// median Sharpe by both parameters, one coloured cell per pair, the numbers those of the node's summary, and a table of
/// each parameter's values; a job of several strategies shows neither.
/// </summary>
[Trait("Category", "RealServer")]
public sealed class SweepHeatmapPageTests
{
    [ChromiumFact]
    public async Task JobPage_OfATwoParameterSweep_DrawsItsHeatmap_AndOfAMixedJobNone()
    {
        await using var node = await DashboardNode.StartAsync();
        string sweep = (await node.SubmitAsync("rsi(period=10..14 step 2, lower=25|30)", ["TCS", "INFY", "ITC"], "2021-01-01", "2023-12-31")).GetProperty("id").GetString()!;
        string mixed = (await node.SubmitAsync("rsi,macd", ["TCS"], "2021-01-01", "2023-12-31")).GetProperty("id").GetString()!;
        await node.WaitFinishedAsync(sweep);
        await node.WaitFinishedAsync(mixed);
        var surface = (await node.GetJsonAsync($"/api/jobs/{sweep}/results")).GetProperty("surface");
        Assert.Equal(("period", "lower", 3), (surface.GetProperty("x").GetString(), surface.GetProperty("y").GetString(), surface.GetProperty("symbols").GetInt32()));
        Assert.False((await node.GetJsonAsync($"/api/jobs/{mixed}/results")).TryGetProperty("surface", out _));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        string baseUrl = $"http://127.0.0.1:{node.Port.ToString(CultureInfo.InvariantCulture)}";

        await page.GotoAsync($"{baseUrl}/job.html?id={sweep}");
        await Assertions.Expect(page.Locator("#surface-section")).ToBeVisibleAsync();
        var cells = page.Locator("#surface tbody td");
        Assert.Equal(6, await cells.CountAsync());
        Assert.Equal(["30", "25"], await page.Locator("#surface tbody th").AllTextContentsAsync()); // values grow upwards
        Assert.Equal(["lower \\ period", "10", "12", "14"], await page.Locator("#surface thead th").AllTextContentsAsync());
        var expected = surface.GetProperty("median").EnumerateArray().Reverse()
            .SelectMany(row => row.EnumerateArray().Select(v => v.GetDouble().ToString("0.00", CultureInfo.InvariantCulture)));
        Assert.Equal(expected, await cells.AllTextContentsAsync());
        string[] colours = await cells.EvaluateAllAsync<string[]>("cells => cells.map(c => getComputedStyle(c).backgroundColor)");
        Assert.True(colours.Distinct().Count() > 1, "the cells are not coloured by value");
        Assert.Contains("rgb(253, 231, 37)", colours); // the highest cell is viridis's yellow
        Assert.Contains("median across 3 symbols", await page.TextContentAsync("#surface-title"), StringComparison.Ordinal);
        await Chromium.ScreenshotAsync(page, "job-sweep-heatmap");

        // Each varied parameter's values, as the node's summary has them: period's 3 values x (2 lower x 3 symbols).
        var effects = (await node.GetJsonAsync($"/api/jobs/{sweep}/results")).GetProperty("parameters").EnumerateArray().ToArray();
        await Assertions.Expect(page.Locator("#effects-section")).ToBeVisibleAsync();
        Assert.Equal(["rsi period", "rsi lower"], await page.Locator("#effects table").EvaluateAllAsync<string[]>("tables => tables.map(t => t.dataset.parameter)"));
        var periodRows = page.Locator("#effects table[data-parameter='rsi period'] tbody tr");
        Assert.Equal(["10", "12", "14"], await periodRows.Locator("td:first-child").AllTextContentsAsync());
        Assert.Equal(["6", "6", "6"], await periodRows.Locator("td:nth-child(2)").AllTextContentsAsync());
        var meanSharpes = effects[0].GetProperty("values").EnumerateArray().Select(v => v.GetProperty("mean_sharpe").GetDouble().ToString("0.00", CultureInfo.InvariantCulture));
        Assert.Equal(meanSharpes, await periodRows.Locator("td:nth-child(3)").AllTextContentsAsync());

        await page.GotoAsync($"{baseUrl}/job.html?id={mixed}");
        await page.WaitForSelectorAsync("#results tbody tr");
        Assert.True(await page.Locator("#surface-section").IsHiddenAsync());
        Assert.True(await page.Locator("#effects-section").IsHiddenAsync());
        Assert.Empty(errors);
    }
}
