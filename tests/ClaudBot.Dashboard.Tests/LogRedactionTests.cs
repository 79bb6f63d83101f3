using System.Net;
using System.Net.WebSockets;

namespace ClaudBot.Dashboard.Tests;

/// <summary>A token sent in a query string (<c>?token=</c>, which the dashboard does not accept) never reaches the node's log.</summary>
[Trait("Category", "RealServer")]
public sealed class LogRedactionTests
{
    private const string Token = "s3cret-token-for-tests";

    [Fact]
    public async Task TokenInTheQuery_NeverReachesTheLog_EvenAtTraceLevel()
    {
        var logs = new LogCapture();
        await using (var node = await DashboardNode.StartAsync(
            new Dictionary<string, string?> { ["Dashboard:Token"] = Token, ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace", ["Logging:LogLevel:ClaudBot"] = "Trace" },
            bind: "0.0.0.0", cluster: false, logs: logs))
        {
            using (var api = await node.Client.GetAsync($"/api/jobs?page=1&token={Token}"))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
            }

            using (var missing = await node.Client.GetAsync($"/nosuch?Token={Token}&x=1"))
            {
                Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            }

            using var socket = new ClientWebSocket();
            await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new Uri($"ws://127.0.0.1:{node.Port}/ws?access_token={Token}"), CancellationToken.None));
        }

        // The requests were logged (so the check below can fail), without the token.
        Assert.Contains(logs.Lines, l => l.Contains("/api/jobs", StringComparison.Ordinal) && l.Contains("token=", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Contains("/nosuch", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains(Token, StringComparison.Ordinal));
    }
}
