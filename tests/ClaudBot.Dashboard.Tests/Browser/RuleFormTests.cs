using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ClaudBot.Dashboard.Tests.Browser;

/// <summary>
/// The overview's new-job form in a real headless chromium: the strategy box is checked as the user types, an error shows
/// its caret under the text (as text, never markup) with Submit disabled, a fixed rule shows its canonical text with
/// Submit enabled, and the job it submits runs and names each result by its canonical rule.
/// </summary>
[Trait("Category", "RealServer")]
public sealed class RuleFormTests(ITestOutputHelper output)
{
    private const string Bad = "buy when smaa(10) < 5, sell when close > 1";
    private const string Fixed = "BUY WHEN close IS ABOVE sma(10..20 step 10) then sell when close is below sma(10)";
    private const string Canonical = "buy when close > sma(10|20), sell when close < sma(10)";
    private const string Hostile = "buy when <script>alert(1)</script>";

    [ChromiumFact]
    public async Task TypingABadRule_ShowsTheErrorAndCaret_AndDisablesSubmit_FixingItEnablesSubmit_WhoseJobNamesEachResultByItsCanonicalRule()
    {
        await using var node = await DashboardNode.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text); // a CSP violation is reported here
            }
        };
        page.Dialog += (_, dialog) => errors.Add("a dialog opened: " + dialog.Message);
        await page.GotoAsync($"http://127.0.0.1:{node.Port.ToString(CultureInfo.InvariantCulture)}/");
        var submit = page.Locator("#submit");
        await Assertions.Expect(submit).ToBeDisabledAsync();

        await page.FillAsync("#strategy", Bad);
        await Assertions.Expect(page.Locator("#strategy-error")).ToHaveTextAsync("unknown indicator 'smaa' at column 10: did you mean sma?");
        Assert.Equal("buy when smaa(10) < 5, sell when close ...\n         ^", await page.TextContentAsync("#strategy-caret"));
        Assert.Equal("PRE", await page.EvalOnSelectorAsync<string>("#strategy-caret", "e => e.tagName"));
        Assert.False(await page.IsVisibleAsync("#strategy-ok"));
        await Assertions.Expect(submit).ToBeDisabledAsync();
        await Chromium.ScreenshotAsync(page, "rule-form-error");

        await page.FillAsync("#strategy", Hostile);
        await Assertions.Expect(page.Locator("#strategy-caret")).ToHaveTextAsync(Hostile + "\n         ^");
        Assert.Equal("expected a number, a price field or an indicator after 'when' at column 10", await page.TextContentAsync("#strategy-error"));
        Assert.Equal(0, await page.Locator("#strategy-problem script, #strategy-problem *:not(p):not(pre)").CountAsync());
        await Assertions.Expect(submit).ToBeDisabledAsync();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await page.FillAsync("#strategy", Fixed);
        await Assertions.Expect(page.Locator("#strategy-ok")).ToHaveTextAsync($"OK: {Canonical} (2 combinations)");
        output.WriteLine($"typed to OK shown: {clock.ElapsedMilliseconds} ms (250 ms of it the debounce)");
        Assert.False(await page.IsVisibleAsync("#strategy-problem"));
        await Assertions.Expect(submit).ToBeEnabledAsync();
        await Chromium.ScreenshotAsync(page, "rule-form-ok");

        // Any keystroke disables Submit until the new text is checked.
        await page.Locator("#strategy").PressAsync("End");
        await page.Keyboard.TypeAsync(" ");
        Assert.True(await submit.IsDisabledAsync());
        await Assertions.Expect(submit).ToBeEnabledAsync();
        Assert.Equal($"OK: {Canonical} (2 combinations)", await page.TextContentAsync("#strategy-ok"));

        await page.FillAsync("#symbols", "TCS");
        await submit.ClickAsync();
        var link = page.Locator("#submitted");
        await link.WaitForAsync();
        string id = (await link.GetAttributeAsync("href"))!.Split("id=")[1];
        var job = await node.GetJsonAsync($"/api/jobs/{id}");
        var spec = job.GetProperty("spec");
        Assert.Equal(Fixed, spec.GetProperty("strategies").GetString()); // as typed (trimmed): the job re-checks the same text
        Assert.Equal(["TCS"], spec.GetProperty("symbols").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(("2021-01-01", "2023-12-31"), (spec.GetProperty("from").GetString(), spec.GetProperty("to").GetString()));
        Assert.Equal(2, job.GetProperty("tasks_total").GetInt32());

        // Its page: each result named by its combination's canonical rule, and a result's chart drawn from the rule.
        await link.ClickAsync();
        await page.WaitForSelectorAsync("#chart[data-drawn] canvas", new() { Timeout = 30_000 });
        string[] strategies = await page.EvalOnSelectorAllAsync<string[]>("#results tbody tr", "rows => rows.map(r => r.children[0].textContent)");
        Assert.Equal(
            ["buy when close > sma(10), sell when close < sma(10)", "buy when close > sma(20), sell when close < sma(10)"],
            strategies.Order(StringComparer.Ordinal));
        await Chromium.ScreenshotAsync(page, "rule-job-page");
        output.WriteLine($"job {id}: results {string.Join(" | ", strategies)}");

        await page.GotoAsync($"http://127.0.0.1:{node.Port.ToString(CultureInfo.InvariantCulture)}/");
        await page.SetViewportSizeAsync(390, 844);
        await page.FillAsync("#strategy", Bad);
        await Assertions.Expect(page.Locator("#strategy-error")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390, "the form scrolls the page sideways on a phone");
        await Chromium.ScreenshotAsync(page, "rule-form-phone");
        Assert.Empty(errors);
    }
}
