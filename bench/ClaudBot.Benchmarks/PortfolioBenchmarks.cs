using BenchmarkDotNet.Attributes;
using ClaudBot.Engine.Data;
using ClaudBot.Engine.Portfolio;
using ClaudBot.Engine.Strategies;

namespace ClaudBot.Benchmarks;

/// <summary>
/// One portfolio backtest the size of the bundled universe (docs/portfolio.md): 49 symbols of 1,250 daily bars (five
/// years), rsi, at most 10 positions: a portfolio job's unit of work. Compare with 49 single backtests
/// (<see cref="EngineBenchmarks"/>, scaled to 1,250 bars): the portfolio's own day loop is what it adds.
/// </summary>
[MemoryDiagnoser]
public class PortfolioBenchmarks
{
    private PortfolioSettings _settings = null!;

    [Params(49)]
    public int Symbols { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var bars = Enumerable.Range(0, Symbols).Select(i => SyntheticBars.RandomWalk(1_250, seed: 42 + i, symbol: $"S{i:00}")).ToArray();
        _settings = new PortfolioSettings(bars, bars[0].FirstDate, bars[0].LastDate, StrategyCatalog.Find("rsi")!.Defaults, MaxPositions: 10);
    }

    [Benchmark]
    public double Portfolio() => PortfolioSimulator.Run(_settings).Metrics.Backtest.Sharpe;
}
