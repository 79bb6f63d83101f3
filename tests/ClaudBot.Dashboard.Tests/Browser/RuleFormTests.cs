using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ClaudBot.Dashboard.Tests.Browser;

/// <summary>
/// The overview's new-job form in a real headless chromium: the strategy box is checked as the user types, an error shows
/// its caret under the text (as text, never markup) with Submit disabled, a fixed rule shows its canonical text with
/// Submit enabled, and submitting queues a job whose strategy is that canonical text.
/// </summary>
[Trait("Category", "RealServer")]
public sealed class RuleFormTests(ITestOutputHelper output)
{
    private const string Bad = "buy when smaa(10) < 5, sell when close > 1";
    private const string Fixed = "buy when sma(10) < 5, sell when close > 1";
    private const string Hostile = "buy when <script>alert(1)</script>";

    [ChromiumFact]
    public async Task TypingABadRule_ShowsTheErrorAndCaret_AndDisablesSubmit_FixingItEnablesSubmit_WhichQueuesTheCanonicalRule()
    {
        // The dashboard alone over the queue: a submitted job is planned and queued, and stays queued (no worker).
        await using var node = await DashboardNode.StartAsync(cluster: false);
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

        await page.FillAsync("#strategy", Fixed);
        const string Canonical = "buy when sma(10) < 5, sell when close > 1";
        await Assertions.Expect(page.Locator("#strategy-ok")).ToHaveTextAsync($"OK: {Canonical} (1 combination)");
        Assert.False(await page.IsVisibleAsync("#strategy-problem"));
        await Assertions.Expect(submit).ToBeEnabledAsync();
        await Chromium.ScreenshotAsync(page, "rule-form-ok");

        // Any keystroke disables Submit until the new text is checked.
        await page.Locator("#strategy").PressAsync("End");
        await page.Keyboard.TypeAsync("0");
        Assert.True(await submit.IsDisabledAsync());
        await Assertions.Expect(page.Locator("#strategy-ok")).ToHaveTextAsync($"OK: {Canonical}0 (1 combination)");
        await Assertions.Expect(submit).ToBeEnabledAsync();

        await page.FillAsync("#symbols", "TCS, INFY");
        await submit.ClickAsync();
        var link = page.Locator("#submitted");
        await link.WaitForAsync();
        string id = (await link.GetAttributeAsync("href"))!.Split("id=")[1];
        var job = await node.GetJsonAsync($"/api/jobs/{id}");
        var spec = job.GetProperty("spec");
        Assert.Equal(Canonical + "0", spec.GetProperty("strategies").GetString());
        Assert.Equal(["TCS", "INFY"], spec.GetProperty("symbols").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(("2021-01-01", "2023-12-31"), (spec.GetProperty("from").GetString(), spec.GetProperty("to").GetString()));
        Assert.Equal(2, job.GetProperty("tasks_total").GetInt32());
        output.WriteLine($"job {id} queued with strategy '{spec.GetProperty("strategies").GetString()}'");

        await page.SetViewportSizeAsync(390, 844);
        await page.FillAsync("#strategy", Bad);
        await Assertions.Expect(page.Locator("#strategy-error")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390, "the form scrolls the page sideways on a phone");
        await Chromium.ScreenshotAsync(page, "rule-form-phone");
        Assert.Empty(errors);
    }
}
