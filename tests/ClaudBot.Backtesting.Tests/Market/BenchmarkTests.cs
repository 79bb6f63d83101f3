using System.Text.Json;
using ClaudBot.Backtesting.Tests.Support;
using ClaudBot.MarketData;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ClaudBot.Backtesting.Tests.Market;

/// <summary>Each result beside the market: buy and hold with the same settings, the excess over it, beta and alpha.</summary>
public sealed class BenchmarkTests : IDisposable
{
    private readonly BacktestHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Benchmark_IsTheDirectBuyHoldRunOfTheSymbol_AndExcessIsTheDifference()
    {
        var report = await _harness.RunAsync(Requests.Of("rsi,macd,buy_hold", "TCS,INFY", "2022-01-01", "2023-06-30") with { CostBps = 25 });

        var buyHold = report.Results.Where(r => r.Strategy.Name == "buy_hold").ToDictionary(r => r.Symbol, r => r.Metrics);
        Assert.Equal(6, report.Results.Count);
        Assert.All(report.Results, r =>
        {
            var market = Assert.IsType<Engine.MarketComparison>(r.Market);
            Assert.Equal(buyHold[r.Symbol], market.Benchmark);
            Assert.Equal(r.Metrics.TotalReturn - buyHold[r.Symbol].TotalReturn, market.ExcessReturn);
            Assert.NotNull(market.Beta);
            Assert.NotNull(market.Alpha);
        });
        Assert.All(report.Results.Where(r => r.Strategy.Name == "buy_hold"), r => Assert.Equal(0.0, r.Market!.ExcessReturn));
    }

    [Fact]
    public async Task BetaAndAlpha_OfBuyHold_MatchANaiveIndexOverTheBundledData()
    {
        var report = await _harness.RunAsync(Requests.Of("buy_hold", "TCS", "2022-01-01", "2024-12-31") with { IncludeEquity = true });
        var result = Assert.Single(report.Results);
        var (beta, alpha) = await NaiveBetaAlphaAsync(result);

        Assert.Equal(beta, result.Market!.Beta!.Value, 1e-9);
        Assert.Equal(alpha, result.Market.Alpha!.Value, 1e-9);
        Assert.InRange(beta, 0.2, 1.5);
    }

    [Fact]
    public async Task Comparison_FromTheBacktestersOwnBuffer_EqualsTheOneFromAKeptCurve()
    {
        var request = Requests.Of("rsi(period=5..9),macd", "TCS,INFY", "2022-01-01", "2024-12-31");

        var kept = await _harness.RunAsync(request with { IncludeEquity = true });
        var buffered = await _harness.RunAsync(request);

        Assert.Equal(12, buffered.Results.Count);
        Assert.Equal(kept.Results.Select(r => r.Market), buffered.Results.Select(r => r.Market));
        Assert.All(buffered.Results, r => Assert.Null(r.Equity));
    }

    [Fact]
    public async Task Json_CarriesTheBenchmarkObjectExcessBetaAndAlpha()
    {
        var report = await _harness.RunAsync(Requests.Of("rsi", "TCS", "2022-01-01", "2022-12-31"));
        var result = Assert.Single(report.Results);

        using var json = JsonDocument.Parse(ResultJsonWriterTests.Write(result));
        var root = json.RootElement;

        var benchmark = root.GetProperty("benchmark");
        Assert.Equal(["total_return", "cagr", "sharpe", "max_drawdown", "final_equity"], benchmark.EnumerateObject().Select(p => p.Name));
        Assert.Equal(result.Market!.Benchmark.TotalReturn, benchmark.GetProperty("total_return").GetDouble());
        Assert.Equal(result.Market.ExcessReturn, root.GetProperty("excess_return").GetDouble());
        Assert.Equal(result.Market.Beta!.Value, root.GetProperty("beta").GetDouble());
        Assert.Equal(result.Market.Alpha!.Value, root.GetProperty("alpha").GetDouble());
        var without = JsonDocument.Parse(ResultJsonWriterTests.Write(result with { Market = null })).RootElement;
        Assert.Equal(
            [JsonValueKind.Null, JsonValueKind.Null, JsonValueKind.Null, JsonValueKind.Null],
            ((string[])["benchmark", "excess_return", "beta", "alpha"]).Select(name => without.GetProperty(name).ValueKind));
    }

    // The index by its definition, written plainly: dictionaries of closes by date, averaged day by day.
    private static async Task<(double Beta, double Alpha)> NaiveBetaAlphaAsync(Engine.BacktestResult result)
    {
        using var cache = new ClaudBot.Testing.TempDirectory();
        var store = new MarketDataStore(
            Options.Create(new MarketDataOptions { Directory = BacktestHarness.BundledData, CacheDirectory = cache.Path }), NullLogger<MarketDataStore>.Instance);
        var closes = new List<Dictionary<int, double>>();
        foreach (string symbol in store.Symbols)
        {
            var bars = (await store.LoadAsync(symbol, lenient: true)).Bars;
            closes.Add(Enumerable.Range(0, bars.Count).ToDictionary(i => bars.Days[i], i => bars.Close[i]));
        }

        int[] calendar = [.. closes.SelectMany(c => c.Keys).Distinct().Order()];
        var level = new Dictionary<int, double> { [calendar[0]] = 1.0 };
        for (int k = 1; k < calendar.Length; k++)
        {
            var moves = closes.Where(c => c.ContainsKey(calendar[k]) && c.ContainsKey(calendar[k - 1])).Select(c => (c[calendar[k]] / c[calendar[k - 1]]) - 1).ToList();
            level[calendar[k]] = level[calendar[k - 1]] * (1 + (moves.Count == 0 ? 0 : moves.Average()));
        }

        var own = (await store.LoadAsync(result.Symbol)).Bars;
        var equity = result.Equity!;
        var pairs = Enumerable.Range(1, equity.Count - 1).Select(t =>
        {
            int day = own.Days[result.Range.Start + t];
            int previous = own.Days[result.Range.Start + t - 1];
            return (S: (equity[t] / equity[t - 1]) - 1, M: (level[day] / level[previous]) - 1);
        }).ToList();
        double meanS = pairs.Average(p => p.S);
        double meanM = pairs.Average(p => p.M);
        double beta = pairs.Sum(p => (p.S - meanS) * (p.M - meanM)) / pairs.Sum(p => (p.M - meanM) * (p.M - meanM));
        return (beta, (meanS - (beta * meanM)) * 252);
    }
}
