using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ClaudBot.Dashboard.Tests;

/// <summary>
/// A non-loopback bind needs a token. The node binds 0.0.0.0 (not loopback) but the tests only ever
/// connect to 127.0.0.1.
/// </summary>
[Trait("Category", "RealServer")]
public sealed class SecurityTests
{
    private const string Token = "s3cret-token-for-tests";

    [Fact]
    public async Task NonLoopbackBindWithoutToken_RefusesToStart_WithAClearMessage()
    {
        var (host, folder, _) = DashboardNode.Build(bind: "0.0.0.0", cluster: false);
        using (folder)
        using (host)
        {
            var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
            string message = Backtesting.InputErrors.Describe(refused);
            Assert.Contains("0.0.0.0", message, StringComparison.Ordinal);
            Assert.Contains("not a loopback address", message, StringComparison.Ordinal);
            Assert.Contains("Dashboard:Token", message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("http://127.0.0.1:3000", true)]
    [InlineData("http://127.0.0.2:3000", true)]
    [InlineData("http://localhost:3000", true)]
    [InlineData("http://[::1]:3000", true)]
    [InlineData("http://0.0.0.0:3000", false)]
    [InlineData("http://*:3000", false)]
    [InlineData("http://+:3000", false)]
    [InlineData("http://[::]:3000", false)]
    [InlineData("http://192.168.1.10:3000", false)]
    [InlineData("http://example.com:3000", false)]
    public void IsLoopback_TrustsOnlyLoopbackAddresses(string url, bool loopback) => Assert.Equal(loopback, BindAddress.IsLoopback(url));

    [Fact]
    public async Task WithToken_ApiAndWsNeedIt_HealthzDoesNot_AndLoginSetsTheCookie()
    {
        await using var node = await DashboardNode.StartAsync(new Dictionary<string, string?> { ["Dashboard:Token"] = Token }, bind: "0.0.0.0", cluster: false);
        var client = node.Client;

        using (var anonymous = await client.GetAsync("/api/jobs"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain(Token, await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(client, "/api/cluster", "wrong-token"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(client, "/ws", null));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/api/jobs", Token));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/healthz", null));

        using (var wrong = await client.PostAsync("/login", new FormUrlEncodedContent([new("token", "nope")])))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.False(wrong.Headers.Contains("Set-Cookie"));
        }

        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = client.BaseAddress };
        using (var login = await browser.PostAsync("/login", new FormUrlEncodedContent([new("token", Token)])))
        {
            Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
            string setCookie = string.Join(";", login.Headers.GetValues("Set-Cookie"));
            Assert.Contains("claudbot_token=", setCookie, StringComparison.Ordinal);
            Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        }

        using (var withCookie = await browser.GetAsync("/api/jobs"))
        {
            Assert.Equal(HttpStatusCode.OK, withCookie.StatusCode);
        }

        using var refused = new ClientWebSocket();
        await Assert.ThrowsAsync<WebSocketException>(() => refused.ConnectAsync(new Uri($"ws://127.0.0.1:{node.Port}/ws"), CancellationToken.None));
        using var socket = await node.ConnectSocketAsync(Token);
        var snapshot = await SocketReader.ReadAsync(socket);
        Assert.Equal("snapshot", snapshot!.Value.GetProperty("type").GetString());

        // Stopping the node ends the socket promptly with a close frame saying why; a reset fails the test.
        var stopping = Stopwatch.StartNew();
        await node.StopAsync();
        Assert.Null(await SocketReader.ReadAsync(socket, TimeSpan.FromSeconds(5)));
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, socket.CloseStatus);
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(6), $"stop took {stopping.Elapsed}");
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.OK && path == "/healthz")
        {
            Assert.Equal("ok", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
        }

        return response.StatusCode;
    }
}
