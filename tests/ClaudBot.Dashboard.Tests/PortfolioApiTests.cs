using System.Net;
using System.Text.Json;

namespace ClaudBot.Dashboard.Tests;

/// <summary><c>POST /api/portfolio</c>: answered at once with the engine's portfolio; what it cannot run is a 400 naming the field.</summary>
[Trait("Category", "RealServer")]
[Collection(NodeTests.Name)]
public sealed class PortfolioApiTests(NodeFixture fixture)
{
    private DashboardNode Node => fixture.Node;

    [Fact]
    public async Task APortfolio_IsAnsweredWithTheAccountTheBenchmarkAndEachSymbol()
    {
        using var response = await Node.Client.PostAsync("/api/portfolio", DashboardNode.Json(new { strategy = "rsi", symbols = new[] { "TCS", "INFY", "SBIN" }, from = "2021-01-01", to = "2024-12-31", max_positions = 2, costs = "bps:10" }));
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var view = JsonDocument.Parse(body).RootElement;

        Assert.Equal((3, 2, "strength", "slots"), (view.GetProperty("symbols").GetInt32(), view.GetProperty("max_positions").GetInt32(), view.GetProperty("rank").GetString(), view.GetProperty("size").GetString()));
        int days = view.GetProperty("dates").GetArrayLength();
        Assert.Equal(days, view.GetProperty("equity").GetArrayLength());
        Assert.Equal(days, view.GetProperty("buy_hold_equity").GetArrayLength());
        Assert.True(view.GetProperty("positions").EnumerateArray().All(p => p.GetInt32() is >= 0 and <= 2));
        Assert.Equal(["INFY", "SBIN", "TCS"], view.GetProperty("contribution").EnumerateArray().Select(c => c.GetProperty("symbol").GetString()));
        Assert.Equal(view.GetProperty("portfolio").GetProperty("trades").GetInt32(), view.GetProperty("trades").GetArrayLength());
        Assert.Equal(view.GetProperty("equity")[days - 1].GetDouble(), view.GetProperty("portfolio").GetProperty("final_equity").GetDouble());
    }

    [Fact]
    public async Task ASymbolsOwnStrategy_IsRunAndNamed_AndTheMainOneGivenAsItsOwn_ChangesNothing()
    {
        var plain = await PostAsync(new { strategy = "rsi", symbols = new[] { "TCS", "INFY", "SBIN" }, from = "2021-01-01", to = "2024-12-31", max_positions = 2 });
        var same = await PostAsync(new { strategy = "rsi", symbols = new[] { "TCS", "INFY", "SBIN" }, from = "2021-01-01", to = "2024-12-31", max_positions = 2, per_symbol = new Dictionary<string, string> { ["sbin"] = "rsi(period=14)" } });
        var own = await PostAsync(new { strategy = "rsi", symbols = new[] { "TCS", "INFY", "SBIN" }, from = "2021-01-01", to = "2024-12-31", max_positions = 2, per_symbol = new Dictionary<string, string> { ["sbin"] = "macd" } });

        Assert.False(plain.TryGetProperty("per_symbol", out var none) && none.ValueKind != JsonValueKind.Null, "no symbol ran a strategy of its own");
        Assert.Equal(plain.GetProperty("equity").ToString(), same.GetProperty("equity").ToString());
        Assert.Equal("macd(fast=12, slow=26, signal=9)", own.GetProperty("per_symbol").GetProperty("SBIN").GetString());
        Assert.Single(own.GetProperty("per_symbol").EnumerateObject());
        Assert.NotEqual(plain.GetProperty("equity").ToString(), own.GetProperty("equity").ToString());
    }

    [Theory]
    [InlineData("{\"strategy\":\"rsi\",\"symbols\":[\"TCS\"],\"from\":\"2022-01-01\",\"to\":\"2023-12-31\",\"per_symbol\":{\"INFY\":\"macd\"}}", "portfolio")]
    [InlineData("{\"strategy\":\"rsi\",\"symbols\":[\"TCS\"],\"from\":\"2022-01-01\",\"to\":\"2023-12-31\",\"max_positions\":0}", "portfolio")]
    [InlineData("{\"strategy\":\"rsi(period=7|14)\",\"symbols\":[\"TCS\"],\"from\":\"2022-01-01\",\"to\":\"2023-12-31\"}", "portfolio")]
    [InlineData("{\"strategy\":\"rsi\",\"symbols\":[\"NOPE\"],\"from\":\"2022-01-01\",\"to\":\"2023-12-31\"}", "symbols")]
    [InlineData("{\"strategy\":\"rsi\",\"symbols\":[\"TCS\"],\"from\":\"2022-01-01\",\"to\":\"2023-13-45\"}", "to")]
    [InlineData("{\"strategy\":\"nonsense(x=1)\",\"symbols\":[\"TCS\"],\"from\":\"2022-01-01\",\"to\":\"2023-12-31\"}", "strategy")]
    public async Task WhatItCannotRun_IsA400NamingTheField(string json, string field)
    {
        using var response = await Node.Client.PostAsync("/api/portfolio", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"field\":\"{field}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> PostAsync(object body)
    {
        using var response = await Node.Client.PostAsync("/api/portfolio", DashboardNode.Json(body));
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
