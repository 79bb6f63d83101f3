using System.Text.Json;
using ClaudBot.Tests.Support;

namespace ClaudBot.Tests;

/// <summary><c>symbols --json</c> and <c>strategies --json</c>: one document on the machine output, nothing on the console.</summary>
public sealed class JsonListingTests
{
    [Fact]
    public async Task Symbols_Json_ListsThe49BundledSymbolsWithTcs_AndPrintsNothingElse()
    {
        var run = await Cli.RunAsync("symbols", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        using var json = JsonDocument.Parse(run.Raw);
        string[] symbols = [.. json.RootElement.GetProperty("symbols").EnumerateArray().Select(s => s.GetString()!)];
        Assert.Equal(49, symbols.Length);
        Assert.Contains("TCS", symbols);
        Assert.Equal(symbols.Order(StringComparer.Ordinal), symbols);
    }

    [Fact]
    public async Task Strategies_Json_ListsAllSix_AndRsiWithItsParametersDefaultsAndRanges()
    {
        var run = await Cli.RunAsync("strategies", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        using var json = JsonDocument.Parse(run.Raw);
        var strategies = json.RootElement.GetProperty("strategies").EnumerateArray().ToList();
        Assert.Equal(["rsi", "macd", "momentum", "sma_cross", "bollinger", "buy_hold"], strategies.Select(s => s.GetProperty("name").GetString()));
        var rsi = strategies[0].GetProperty("parameters").EnumerateArray()
            .Select(p => $"{p.GetProperty("name").GetString()}={p.GetProperty("default").GetDouble()} ({p.GetProperty("min").GetDouble()}..{p.GetProperty("max").GetDouble()}) integer={p.GetProperty("integer").GetBoolean()}");
        Assert.Equal(["period=14 (2..1000) integer=True", "lower=30 (0..100) integer=False", "upper=70 (0..100) integer=False"], rsi);
        Assert.Empty(strategies[5].GetProperty("parameters").EnumerateArray());
    }
}
