using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ClaudBot.Jobs;

namespace ClaudBot.Dashboard.Tests;

/// <summary>Adding, listing and cancelling schedules over real HTTP on a real node; firing is tested on a fake clock in the cluster tests.</summary>
[Trait("Category", "RealServer")]
[Collection(NodeTests.Name)]
public sealed class SchedulesApiTests(NodeFixture fixture)
{
    private DashboardNode Node => fixture.Node;

    [Fact]
    public async Task Post_Returns201_ListShowsIt_WithItsNextRun_AndDeleteRemovesIt()
    {
        using var response = await Node.Client.PostAsync("/api/schedules", DashboardNode.Json(new
        {
            strategies = "rsi",
            symbols = new[] { "TCS" },
            period = "last 2 years",
            every = "weekdays",
            at = "18:00",
            submitted_by = "tester",
        }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var schedule = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        string id = schedule.GetProperty("id").GetString()!;
        Assert.True(JobId.IsValid(id));
        Assert.Equal($"/api/schedules/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Asia/Kolkata", schedule.GetProperty("time_zone").GetString());
        Assert.Equal("tester", schedule.GetProperty("created_by").GetString());
        var next = schedule.GetProperty("next_run").GetDateTimeOffset();
        var ist = next.ToOffset(TimeSpan.FromHours(5.5));
        Assert.Equal((18, 0), (ist.Hour, ist.Minute));
        Assert.NotEqual(DayOfWeek.Saturday, ist.DayOfWeek);
        Assert.NotEqual(DayOfWeek.Sunday, ist.DayOfWeek);

        var listed = await Node.GetJsonAsync("/api/schedules");
        var mine = Assert.Single(listed.EnumerateArray(), s => s.GetProperty("id").GetString() == id);
        Assert.Equal("last 2 years", mine.GetProperty("period").GetString());
        Assert.Equal(["TCS"], mine.GetProperty("symbols").EnumerateArray().Select(s => s.GetString()));

        using var deleted = await Node.Client.DeleteAsync($"/api/schedules/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var again = await Node.Client.DeleteAsync($"/api/schedules/{id}");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.DoesNotContain((await Node.GetJsonAsync("/api/schedules")).EnumerateArray(), s => s.GetProperty("id").GetString() == id);
    }

    [Theory]
    [InlineData("fortnightly", "18:00", null, "last 1 year", "TCS", "rsi", "every")]
    [InlineData("weekdays", "6pm", null, "last 1 year", "TCS", "rsi", "at")]
    [InlineData("weekdays", "18:00", "Mars/Olympus", "last 1 year", "TCS", "rsi", "time_zone")]
    [InlineData("weekdays", "18:00", null, "lately", "TCS", "rsi", "period")]
    [InlineData("weekdays", "18:00", null, null, "TCS", "rsi", "period")]
    [InlineData("weekdays", "18:00", null, "last 2 years", "NOSUCHSYMBOL", "rsi", "symbols")]
    [InlineData("weekdays", "18:00", null, "last 2 years", "TCS", "nosuchstrategy", "strategies")]
    public async Task BadField_Is400NamingIt_AndStoresNothing(string every, string at, string? zone, string? period, string symbol, string strategies, string field)
    {
        int before = (await Node.GetJsonAsync("/api/schedules")).GetArrayLength();

        using var response = await Node.Client.PostAsync("/api/schedules", DashboardNode.Json(new { strategies, symbols = new[] { symbol }, period, every, at, time_zone = zone }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal(before, (await Node.GetJsonAsync("/api/schedules")).GetArrayLength());
    }

    [Fact]
    public async Task Notify_IsStoredWithTheSchedule_AndListedBack()
    {
        using var response = await Node.Client.PostAsync("/api/schedules", DashboardNode.Json(new
        {
            strategies = "rsi",
            symbols = new[] { "TCS" },
            period = "last 1 year",
            every = "mon,wed,fri",
            at = "18:30",
            notify = new object[] { new { channel = "telegram", chat = "-100123", top = 5 }, new { channel = "terminal", chat = "local" } },
        }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        string id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;

        var mine = Assert.Single((await Node.GetJsonAsync("/api/schedules")).EnumerateArray(), s => s.GetProperty("id").GetString() == id);
        var notify = mine.GetProperty("notify").EnumerateArray().Select(f => (f.GetProperty("channel").GetString(), f.GetProperty("chat").GetString(), f.TryGetProperty("top", out var top) ? top.GetInt32() : (int?)null)).ToList();
        Assert.Equal([("telegram", "-100123", 5), ("terminal", "local", (int?)null)], notify);
        using var deleted = await Node.Client.DeleteAsync($"/api/schedules/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    [Theory]
    [InlineData("{\"channel\":\"telegram\",\"chat\":\"42\",\"top\":0}", "top must be 1 to 50 (it was 0); leave it out for the usual summary.")]
    [InlineData("{\"channel\":\"telegram\",\"chat\":\"42\",\"top\":51}", "top must be 1 to 50 (it was 51); leave it out for the usual summary.")]
    [InlineData("{\"channel\":\"telegram\"}", "Each notify entry needs a chat: its id on the channel, 1 to 100 printable characters.")]
    [InlineData("{\"channel\":\"Tele gram\",\"chat\":\"42\"}", "Each notify entry needs a channel: a short lower-case word such as 'telegram'.")]
    [InlineData("{\"channel\":\"telegram\",\"chat\":\"42\"},{\"channel\":\"telegram\",\"chat\":\"42\"}", "telegram:42 is named twice in notify.")]
    public async Task BadNotify_Is400NamingNotify_AndStoresNothing(string followers, string detail)
    {
        int before = (await Node.GetJsonAsync("/api/schedules")).GetArrayLength();
        string json = $"{{\"strategies\":\"rsi\",\"symbols\":[\"TCS\"],\"period\":\"last 1 year\",\"every\":\"weekdays\",\"at\":\"18:00\",\"notify\":[{followers}]}}";

        using var response = await Node.Client.PostAsync("/api/schedules", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(("notify", detail), (problem.GetProperty("field").GetString(), problem.GetProperty("detail").GetString()));
        Assert.Equal(before, (await Node.GetJsonAsync("/api/schedules")).GetArrayLength());
    }

    [Theory]
    [InlineData("stop")]
    [InlineData("walk_forward")]
    [InlineData("portfolio")]
    public async Task WhatASchedulesDoesNotRunYet_Is400NamingIt_NotQuietlyDropped(string field)
    {
        int before = (await Node.GetJsonAsync("/api/schedules")).GetArrayLength();
        string extra = field switch
        {
            "stop" => "\"stop\":5",
            "walk_forward" => "\"walk_forward\":{\"in\":\"2 years\",\"out\":\"6 months\"}",
            _ => "\"portfolio\":{\"max_positions\":[5]}",
        };
        string json = $"{{\"strategies\":\"rsi\",\"symbols\":[\"TCS\"],\"period\":\"last 1 year\",\"every\":\"weekdays\",\"at\":\"18:00\",{extra}}}";

        using var response = await Node.Client.PostAsync("/api/schedules", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal($"A schedule does not take {field} yet: schedule the plain backtest, or submit this one as a job.", problem.GetProperty("detail").GetString());
        Assert.Equal(before, (await Node.GetJsonAsync("/api/schedules")).GetArrayLength());
    }

    [Fact]
    public async Task Delete_WithAnIdBreakingTheRule_Is400()
    {
        using var response = await Node.Client.DeleteAsync("/api/schedules/NOT-AN-ID!");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("id", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("field").GetString());
    }

    [Fact]
    public async Task WithAToken_SchedulesNeedIt_LikeTheRestOfTheApi()
    {
        const string Token = "s3cret-token-for-schedules";
        await using var node = await DashboardNode.StartAsync(new Dictionary<string, string?> { ["Dashboard:Token"] = Token }, bind: "0.0.0.0", cluster: false);

        using var anonymous = await node.Client.GetAsync("/api/schedules");
        using var anonymousDelete = await node.Client.DeleteAsync("/api/schedules/abc234");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/schedules");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var allowed = await node.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousDelete.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }
}
