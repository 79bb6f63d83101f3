using ClaudBot.Backtesting.Market;
using ClaudBot.Engine.Data;

namespace ClaudBot.Backtesting.Tests.Market;

public sealed class EqualWeightIndexTests
{
    private const double Tolerance = 1e-15;

    // Days 1..4. A trades every day; B misses day 3; C starts on day 2.
    // Day 2: A +10%, B +10% (C has no day 1)             -> +10%  -> 1.1
    // Day 3: A -10%, C +10% (B has no bar)                 ->  0%   -> 1.1
    // Day 4: A 0%, C -50% (B's previous bar is not day 3) -> -25%  -> 0.825
    private static readonly BarSeries[] ThreeSeries =
    [
        Series("A", [1, 2, 3, 4], [100, 110, 99, 99]),
        Series("B", [1, 2, 4], [50, 55, 66]),
        Series("C", [2, 3, 4], [20, 22, 11]),
    ];

    [Fact]
    public void Build_OnThreeHandMadeSeries_AveragesTheReturnsOfSymbolsTradingBothDays()
    {
        var index = EqualWeightIndex.Build(ThreeSeries);

        Assert.Equal([1, 2, 3, 4], index.Days.ToArray());
        double[] expected = [1.0, 1.1, 1.1, 0.825];
        for (int k = 0; k < expected.Length; k++)
        {
            Assert.Equal(expected[k], index.Levels[k], Tolerance);
        }
    }

    [Fact]
    public void ReturnsOver_ASymbolsDays_ComparesTheLevelsOfTheSameTwoDates_AndNaNOffTheCalendar()
    {
        var index = EqualWeightIndex.Build(ThreeSeries);

        double[] returns = index.ReturnsOver([1, 2, 4, 9]);

        Assert.Equal(0.1, returns[0], Tolerance);
        Assert.Equal(-0.25, returns[1], Tolerance);
        Assert.True(double.IsNaN(returns[2]));
        Assert.False(index.TryLevel(9, out _));
    }

    [Fact]
    public void Build_OnADayNoSymbolCanCompare_KeepsTheLevel()
    {
        var index = EqualWeightIndex.Build([Series("A", [1, 2], [10, 20]), Series("B", [3, 4], [5, 4])]);

        Assert.Equal([1.0, 2.0, 2.0, 1.6], index.Levels.ToArray());
    }

    internal static BarSeries Series(string symbol, int[] days, double[] close) =>
        new(symbol, days, close, close, close, close, new double[days.Length]);
}
