using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ClaudBot.Dashboard.Tests;

/// <summary>
/// Without a token the dashboard serves only requests meant for loopback (DNS rebinding: a foreign Host is
/// refused), /ws only pages of its own origin, and it binds only where every listed URL is loopback.
/// </summary>
[Trait("Category", "RealServer")]
[Collection(NodeTests.Name)]
public sealed class LoopbackGuardTests(NodeFixture fixture)
{
    private DashboardNode Node => fixture.Node;

    [Fact]
    public async Task ForeignHost_Is400_AndCreatesNoJob()
    {
        int before = (await Node.GetJsonAsync("/api/jobs?page_size=100")).GetProperty("items").GetArrayLength();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/jobs")
        {
            Content = DashboardNode.Json(new { strategies = "rsi", symbols = new[] { "TCS" }, from = "2022-01-01", to = "2023-01-01" }),
        };
        request.Headers.Host = $"attacker.example:{Node.Port}";
        using var response = await Node.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(
            $"Host 'attacker.example:{Node.Port}' is not a loopback name: without Dashboard:Token the dashboard answers only to localhost, 127.0.0.1 or [::1].",
            problem.GetProperty("detail").GetString());
        Assert.Equal(before, (await Node.GetJsonAsync("/api/jobs?page_size=100")).GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]")]
    public async Task LoopbackHost_WithThePort_IsServed(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Host = $"{host}:{Node.Port}";
        using var response = await Node.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Socket_FromAnotherOrigin_Is403_FromItsOwnOrigin_Opens()
    {
        using var foreign = new ClientWebSocket();
        foreign.Options.CollectHttpResponseDetails = true;
        foreign.Options.SetRequestHeader("Origin", "http://attacker.example");
        await Assert.ThrowsAsync<WebSocketException>(() => foreign.ConnectAsync(new Uri($"ws://127.0.0.1:{Node.Port}/ws"), CancellationToken.None));
        Assert.Equal(HttpStatusCode.Forbidden, foreign.HttpStatusCode);

        using var own = await Node.ConnectSocketAsync(origin: $"http://127.0.0.1:{Node.Port}");
        Assert.Equal("snapshot", (await SocketReader.ReadAsync(own))!.Value.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("http://127.0.0.1:3000/;http://0.0.0.0:3001", false)]
    [InlineData("http://127.0.0.1:3000;http://[::]:3001", false)]
    [InlineData("http://localhost:3000;http://127.0.0.1:3001", true)]
    [InlineData(";", false)]
    public void IsLoopback_OfAList_NeedsEveryUrl(string urls, bool loopback) => Assert.Equal(loopback, BindAddress.IsLoopback(urls));

    [Theory]
    [InlineData("127.0.0.1:3000", true)]
    [InlineData("localhost", true)]
    [InlineData("[::1]:3000", true)]
    [InlineData("attacker.example:3000", false)]
    [InlineData("127.0.0.1.attacker.example", false)]
    [InlineData("127.0.0.1@attacker.example", false)]
    [InlineData("", false)]
    public void IsLoopbackHost_TrustsOnlyLoopbackNames(string host, bool loopback) => Assert.Equal(loopback, BindAddress.IsLoopbackHost(host));

    [Fact]
    public async Task UrlList_WithOneWildcard_AndNoToken_RefusesToStart()
    {
        string urls = $"http://127.0.0.1:{ClaudBot.Testing.TestPorts.Free()}/;http://0.0.0.0:{ClaudBot.Testing.TestPorts.Free()}";
        var (host, folder, _) = DashboardNode.Build(new Dictionary<string, string?> { ["Dashboard:Url"] = urls }, cluster: false);
        using (folder)
        using (host)
        {
            var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
            Assert.Contains("is not a loopback address (every URL of the list must be)", Backtesting.InputErrors.Describe(refused), StringComparison.Ordinal);
        }
    }
}
