using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ClaudBot.Dashboard.Tests;

/// <summary>
/// Limits of a dashboard open to the network (token set): a long token, few login tries, few live
/// clients, /ws only from its own origin, and a close frame for every client when the node stops.
/// </summary>
[Trait("Category", "RealServer")]
public sealed class TokenModeLimitsTests
{
    private const string Token = "s3cret-token-for-tests";

    [Fact]
    public async Task ShortToken_RefusesToStart_NamingTheSettingAndTheMinimum()
    {
        var (host, folder, _) = DashboardNode.Build(new Dictionary<string, string?> { ["Dashboard:Token"] = "x" }, bind: "0.0.0.0", cluster: false);
        using (folder)
        using (host)
        {
            var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
            Assert.Equal(
                "Configuration is invalid: Dashboard:Token is 1 characters; it must have at least 16 (e.g. the output of 'openssl rand -hex 16').",
                Backtesting.InputErrors.Describe(refused));
        }
    }

    [Fact]
    public async Task Login_OverTheLimit_Is429WithRetryAfter_EvenWithTheRightToken()
    {
        await using var node = await DashboardNode.StartAsync(
            new Dictionary<string, string?> { ["Dashboard:Token"] = Token, ["Dashboard:LoginAttemptsPerMinute"] = "3" }, bind: "0.0.0.0", cluster: false);
        for (int i = 0; i < 3; i++)
        {
            using var wrong = await node.Client.PostAsync("/login", new FormUrlEncodedContent([new("token", "guess-" + i)]));
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var throttled = await node.Client.PostAsync("/login", new FormUrlEncodedContent([new("token", Token)]));
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.InRange(throttled.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.False(throttled.Headers.Contains("Set-Cookie"));
        Assert.Equal("application/problem+json", throttled.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, JsonDocument.Parse(await throttled.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32());

        // The API itself is not throttled by failed logins.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/jobs");
        request.Headers.Authorization = new("Bearer", Token);
        using var api = await node.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Fact]
    public async Task LiveClients_OverTheCap_Get503_AndAFreedPlaceCanBeTaken()
    {
        await using var node = await DashboardNode.StartAsync(
            new Dictionary<string, string?> { ["Dashboard:Token"] = Token, ["Dashboard:MaxLiveClients"] = "2" }, bind: "0.0.0.0", cluster: false);
        using var first = await node.ConnectSocketAsync(Token);
        using var second = await node.ConnectSocketAsync(Token);
        await SocketReader.ReadAsync(first);
        await SocketReader.ReadAsync(second);

        var third = await Assert.ThrowsAsync<WebSocketException>(() => node.ConnectSocketAsync(Token));
        Assert.Contains("503", third.Message, StringComparison.Ordinal);

        await first.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        var until = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var again = await node.ConnectSocketAsync(Token);
                Assert.Equal("snapshot", (await SocketReader.ReadAsync(again))!.Value.GetProperty("type").GetString());
                break;
            }
            catch (WebSocketException) when (until.Elapsed < TimeSpan.FromSeconds(5))
            {
                await Task.Delay(50);
            }
        }
    }

    [Fact]
    public async Task Socket_FromAnotherOrigin_Is403_EvenWithTheToken()
    {
        await using var node = await DashboardNode.StartAsync(new Dictionary<string, string?> { ["Dashboard:Token"] = Token }, bind: "0.0.0.0", cluster: false);
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => node.ConnectSocketAsync(Token, origin: "http://attacker.example"));
        Assert.Contains("403", refused.Message, StringComparison.Ordinal);

        using var own = await node.ConnectSocketAsync(Token, origin: $"http://127.0.0.1:{node.Port}");
        Assert.Equal("snapshot", (await SocketReader.ReadAsync(own))!.Value.GetProperty("type").GetString());
    }
}
