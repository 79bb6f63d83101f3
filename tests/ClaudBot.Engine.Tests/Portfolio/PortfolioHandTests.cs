using ClaudBot.Engine.Data;
using ClaudBot.Engine.Portfolio;
using ClaudBot.Engine.Simulation;
using ClaudBot.Engine.Strategies;

namespace ClaudBot.Engine.Tests.Portfolio;

/// <summary>
/// Rules the fixture does not reach (checked against portfolio_reference.py run on these bars): a defined rank value beats an
/// undefined one however small, and a benchmark symbol counts its capital share before its first bar.
/// </summary>
public sealed class PortfolioHandTests
{
    private static BarSeries Flat(string symbol, int firstDay, int lastDay, Func<int, double> close)
    {
        int n = lastDay - firstDay + 1;
        var days = Enumerable.Range(0, n).Select(i => new DateOnly(2024, 1, firstDay + i).DayNumber).ToArray();
        var closes = Enumerable.Range(firstDay, n).Select(close).ToArray();
        return new BarSeries(symbol, days, closes, closes, closes, closes, new double[n]);
    }

    /// <summary>
    /// momentum(2) with one slot: AAA's history starts in range (undefined at its signal bar), BBB's earlier and falling
    /// (defined and negative). BBB ranks first and takes the slot although AAA comes first by symbol
    /// (checked against portfolio_reference.py: contest [BBB -0.0357, AAA None], BBB bought at 53).
    /// </summary>
    [Fact]
    public void DefinedValue_RanksBeforeUndefined()
    {
        var settings = new PortfolioSettings(
            [Flat("AAA", 6, 10, _ => 10), Flat("BBB", 1, 10, day => 60 - day)], new DateOnly(2024, 1, 6), new DateOnly(2024, 1, 10), StrategyCatalog.BuyHold.Defaults, 1)
        {
            Rank = PortfolioRanking.Parse("momentum(2)"),
            Execution = new SimulationSettings(CostBps: 0, InitialCapital: 1000),
        };

        var result = PortfolioSimulator.Run(settings);

        var contest = Assert.Single(result.Contests);
        Assert.Equal(["BBB", "AAA"], contest.Ranked.Select(c => c.Symbol));
        Assert.Equal((54.0 / 56) - 1, contest.Ranked[0].Value);
        Assert.True(double.IsNaN(contest.Ranked[1].Value));
        Assert.Equal(["BBB"], contest.Entered);
        Assert.False(contest.TieAtCut);
        var trade = Assert.Single(result.Trades);
        Assert.Equal(("BBB", 53.0, ExitReason.Open), (trade.Symbol, trade.EntryPrice, trade.Reason));
    }

    /// <summary>BBB's bars begin on the 3rd: until then the benchmark holds its Rs 500 share as cash; exposure from AAA's fill on the 2nd.</summary>
    [Fact]
    public void Benchmark_CountsTheShareOfASymbolBeforeItsFirstBar()
    {
        var settings = new PortfolioSettings(
            [Flat("AAA", 1, 5, day => 10.0 * day), Flat("BBB", 3, 5, day => 100.0 + day)], new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 5), StrategyCatalog.BuyHold.Defaults, 2)
        {
            Execution = new SimulationSettings(CostBps: 0, InitialCapital: 1000),
        };

        var benchmark = PortfolioSimulator.Run(settings).Benchmark;

        double[] expected = [1000, 1000, 1250, 1500, 1754.8076923076924];
        for (int k = 0; k < expected.Length; k++)
        {
            Support.Reference.Close(expected[k], benchmark.Equity[k], 1e-12, $"benchmark equity on day {k}");
        }

        Assert.Equal(0.8, benchmark.Metrics.Exposure);
    }
}
