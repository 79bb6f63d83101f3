using BenchmarkDotNet.Attributes;
using ClaudBot.Backtesting.Market;
using ClaudBot.Engine;
using ClaudBot.Engine.Data;
using ClaudBot.Engine.Simulation;
using ClaudBot.Engine.Strategies;
using ClaudBot.Engine.Strategies.Parsing;
using ClaudBot.MarketData;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ClaudBot.Benchmarks;

/// <summary>
/// The cost of setting each result beside the market: a 1,000-point rsi grid on TCS 2022-2024 (about 740 bars) run
/// as the service and the workers run it, before (results alone) and after (beta and alpha read from the backtester's
/// equity buffer, one buy-and-hold run per grid). The index is built once per process, so it is built in the setup.
/// </summary>
[MemoryDiagnoser]
public class MarketComparisonBenchmarks
{
    private readonly Backtester _backtester = new();
    private readonly SimulationSettings _settings = new(CostBps: 10);
    private IReadOnlyList<StrategyParameters> _grid = [];
    private BarSeries _bars = null!;
    private BarRange _range;
    private MarketIndex? _index;
    private string _cache = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _cache = Path.Combine(Path.GetTempPath(), "claudbot-bench-market-" + Guid.NewGuid().ToString("N"));
        var marketData = new MarketDataStore(
            Options.Create(new MarketDataOptions { Directory = Path.Combine(ResultsReaderBenchmarks.FindRepositoryRoot(), "data"), CacheDirectory = _cache }),
            NullLogger<MarketDataStore>.Instance);
        _index = new MarketIndexCache(marketData).GetAsync(CancellationToken.None).GetAwaiter().GetResult();
        _bars = marketData.LoadAsync("TCS").AsTask().GetAwaiter().GetResult().Bars;
        _range = BarRange.Resolve(_bars, new DateOnly(2022, 1, 1), new DateOnly(2024, 12, 31));
        _grid = StrategyParser.Parse("rsi(period=5..29, lower=10..49)").Parameters;
        if (_grid.Count != 1000)
        {
            throw new InvalidOperationException($"The grid has {_grid.Count} points, not 1,000.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_cache, recursive: true);

    /// <summary>Today's figures: every grid point run alone (no equity kept, no benchmark).</summary>
    [Benchmark(Baseline = true)]
    public double Alone()
    {
        double sum = 0;
        foreach (var parameters in _grid)
        {
            sum += _backtester.Run(parameters, _bars, _range, _settings).Metrics.TotalReturn;
        }

        return sum;
    }

    /// <summary>Every grid point beside the market: beta and alpha over its equity, the benchmark run once.</summary>
    [Benchmark]
    public double BesideTheMarket()
    {
        var comparer = new MarketComparer(_index, _settings);
        double sum = 0;
        foreach (var parameters in _grid)
        {
            var result = _backtester.Run(parameters, _bars, _range, _settings);
            sum += comparer.Compare(_backtester, result, _bars).Market!.ExcessReturn;
        }

        return sum;
    }
}
