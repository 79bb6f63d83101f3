using System.Globalization;
using System.Net;
using System.Text.Json;
using ClaudBot.Cluster.Schedules;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ClaudBot.Dashboard.Tests.Browser;

/// <summary>
/// The overview's Schedules section in a real headless chromium on a real node: the list shows each schedule's next run in
/// its own zone, its last job linked and its last error (recorded through the store as the driver records a run); the add
/// form stores what it says (notify included); a refused field shows the API's line under it and stores nothing; cancel
/// asks once more, then deletes; at phone width nothing scrolls sideways.
/// </summary>
[Trait("Category", "RealServer")]
public sealed class SchedulesSectionTests(ITestOutputHelper output)
{
    [ChromiumFact]
    public async Task TheList_ShowsNextRunLastJobAndError_TheFormAddsAndRefuses_AndCancelAsksFirst()
    {
        await using var node = await DashboardNode.StartAsync();
        using var submitted = await node.Client.PostAsync("/api/jobs", DashboardNode.Json(new { strategies = "rsi", symbols = new[] { "TCS" }, from = "2022-01-01", to = "2023-12-31" }));
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        string job = JsonDocument.Parse(await submitted.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        var store = node.Get<ScheduleStore>();
        var ran = await AddAsync(node, "weekdays", "18:00", null);
        Assert.True(await store.RecordAsync(ran with { LastOccurrence = DateTimeOffset.UtcNow, LastJobId = job }, CancellationToken.None));
        var failed = await AddAsync(node, "daily", "07:30", "Europe/London");
        const string Why = "TCS has no data after 2026-01-23.";
        Assert.True(await store.RecordAsync(failed with { LastOccurrence = DateTimeOffset.UtcNow, LastError = Why }, CancellationToken.None));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.Contains("400", StringComparison.Ordinal))
            {
                errors.Add(message.Text); // a CSP violation is reported here; the refused schedules' 400s are expected
            }
        };
        page.Dialog += (_, dialog) => errors.Add("a dialog opened: " + dialog.Message);
        await page.GotoAsync($"http://127.0.0.1:{node.Port.ToString(CultureInfo.InvariantCulture)}/");
        var rows = page.Locator("#schedules tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);

        Assert.Equal([ran.Id, failed.Id], await page.EvalOnSelectorAllAsync<string[]>("#schedules tbody tr", "rows => rows.map(r => r.dataset.id)"));
        Assert.Equal(["weekdays at 18:00 (Asia/Kolkata)", "daily at 07:30 (Europe/London)"], await page.EvalOnSelectorAllAsync<string[]>("#schedules tbody tr td:nth-child(2)", "cells => cells.map(c => c.textContent)"));
        string[] next = await page.EvalOnSelectorAllAsync<string[]>("#schedules tbody td.next", "cells => cells.map(c => c.textContent)");
        Assert.Equal([Expected(ran), Expected(failed)], next);
        Assert.Equal($"/job.html?id={job}", await page.GetAttributeAsync($"#schedules tr[data-id='{ran.Id}'] a.last-job", "href"));
        Assert.Equal("failed: " + Why, await page.TextContentAsync($"#schedules tr[data-id='{failed.Id}'] td.last"));
        await Chromium.ScreenshotAsync(page, "overview-schedules");

        await page.FillAsync("#sc-strategies", "rsi");
        await page.FillAsync("#sc-symbols", "TCS, INFY");
        await page.FillAsync("#sc-period", "last 2 years");
        await page.FillAsync("#sc-every", "mon,wed,fri");
        await page.FillAsync("#sc-at", "18:30");
        await page.FillAsync("#sc-time-zone", "Europe/London");
        await page.FillAsync("#sc-notify", "telegram:4242:5");
        await page.ClickAsync("#sc-add");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        var added = (await node.GetJsonAsync("/api/schedules")).EnumerateArray().Last();
        Assert.Equal(
            ("mon,wed,fri", "18:30", "Europe/London", "rsi", "TCS,INFY", "last 2 years", "dashboard"),
            (added.GetProperty("every").GetString(), added.GetProperty("at").GetString(), added.GetProperty("time_zone").GetString(), added.GetProperty("strategies").GetString(),
                string.Join(',', added.GetProperty("symbols").EnumerateArray().Select(s => s.GetString())), added.GetProperty("period").GetString(), added.GetProperty("created_by").GetString()));
        var follower = Assert.Single(added.GetProperty("notify").EnumerateArray());
        Assert.Equal(("telegram", "4242", 5), (follower.GetProperty("channel").GetString(), follower.GetProperty("chat").GetString(), follower.GetProperty("top").GetInt32()));
        Assert.StartsWith($"Schedule {added.GetProperty("id").GetString()} added; next run ", await page.TextContentAsync("#sc-status"), StringComparison.Ordinal);

        foreach (var (input, text, field) in (ValueTuple<string, string, string>[])[("#sc-at", "25:00", "at"), ("#sc-notify", "telegram:4242:99", "notify"), ("#sc-time-zone", "Mars/Olympus", "time_zone")])
        {
            await page.FillAsync("#sc-at", "18:30");
            await page.FillAsync("#sc-notify", "telegram:4242:5");
            await page.FillAsync("#sc-time-zone", "Europe/London");
            await page.FillAsync(input, text);
            string refused = await RefusalAsync(node, field, text);
            await page.ClickAsync("#sc-add");
            await Assertions.Expect(page.Locator($"#sc-{field}-error")).ToHaveTextAsync(refused);
            Assert.Equal("true", await page.GetAttributeAsync(input, "aria-invalid"));
            Assert.Equal(3, (await node.GetJsonAsync("/api/schedules")).GetArrayLength());
        }

        await Chromium.ScreenshotAsync(page, "overview-schedules-error");
        var cancel = page.Locator($"#schedules tr[data-id='{ran.Id}'] button.cancel");
        await cancel.ClickAsync();
        await Assertions.Expect(cancel).ToHaveTextAsync("Sure? Cancel it");
        Assert.Equal(3, (await node.GetJsonAsync("/api/schedules")).GetArrayLength());
        await cancel.ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        Assert.DoesNotContain((await node.GetJsonAsync("/api/schedules")).EnumerateArray(), s => s.GetProperty("id").GetString() == ran.Id);

        await page.SetViewportSizeAsync(390, 844);
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390, "the schedules scroll the page sideways on a phone");
        var reach = await page.Locator($"#schedules tr[data-id='{failed.Id}'] button.cancel").BoundingBoxAsync();
        Assert.True(reach is { } box && box.X >= 0 && box.X + box.Width <= 390, $"cancel is off the phone's screen: {reach?.X}+{reach?.Width}");
        var nextCell = await page.Locator($"#schedules tr[data-id='{failed.Id}'] td.next").BoundingBoxAsync();
        Assert.True(nextCell is { } cell && cell.X + cell.Width <= 390, "the next run is off the phone's screen");
        await Chromium.ScreenshotAsync(page, "overview-schedules-phone");
        output.WriteLine($"next runs shown: {string.Join(" | ", next)}");
        Assert.Empty(errors);
    }

    private static async Task<Schedule> AddAsync(DashboardNode node, string every, string at, string? zone)
    {
        using var response = await node.Client.PostAsync("/api/schedules", DashboardNode.Json(new { strategies = "rsi", symbols = new[] { "TCS" }, period = "last 1 year", every, at, time_zone = zone }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        string id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        return (await node.Get<ScheduleStore>().GetAsync(id, CancellationToken.None))!;
    }

    // What the API says to the same refused field, so the page is held to the API's own line.
    private static async Task<string> RefusalAsync(DashboardNode node, string field, string text)
    {
        var body = new Dictionary<string, object?> { ["strategies"] = "rsi", ["symbols"] = new[] { "TCS" }, ["period"] = "last 1 year", ["every"] = "weekdays", ["at"] = "18:00" };
        if (field == "notify")
        {
            body["notify"] = new[] { new { channel = "telegram", chat = "4242", top = int.Parse(text.Split(':')[2], CultureInfo.InvariantCulture) } };
        }
        else
        {
            body[field] = text;
        }

        using var response = await node.Client.PostAsync("/api/schedules", DashboardNode.Json(body));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(field, problem.GetProperty("field").GetString());
        return problem.GetProperty("detail").GetString()!;
    }

    // As the page writes it (en-GB, the schedule's zone): "Tue 8 Dec, 18:00".
    private static string Expected(Schedule schedule)
    {
        var local = TimeZoneInfo.ConvertTime(schedule.NextOccurrence(DateTimeOffset.UtcNow), schedule.Recurrence().Zone);
        return local.ToString("ddd d MMM, HH:mm", CultureInfo.InvariantCulture);
    }
}
