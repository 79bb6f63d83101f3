using ClaudBot.Backtesting.Market;

namespace ClaudBot.Backtesting.Tests.Market;

public sealed class MarketSensitivityTests
{
    private const double Tolerance = 1e-12;
    private static readonly double[] Market = [0.01, -0.02, 0.015, 0.003, -0.007];

    [Fact]
    public void FromReturns_OfTheMarketAgainstItself_IsBetaOneAlphaZero()
    {
        var s = MarketSensitivity.FromReturns(Market, Market);

        Assert.Equal(1.0, s.Beta!.Value, Tolerance);
        Assert.Equal(0.0, s.Alpha!.Value, Tolerance);
    }

    [Fact]
    public void FromReturns_OfTwiceTheMarketPlusADailyTenthOfAPercent_IsBetaTwoAlpha252Tenths()
    {
        double[] strategy = [.. Market.Select(r => (2 * r) + 0.001)];

        var s = MarketSensitivity.FromReturns(strategy, Market);

        Assert.Equal(2.0, s.Beta!.Value, Tolerance);
        Assert.Equal(0.001 * 252, s.Alpha!.Value, Tolerance);
    }

    [Fact]
    public void FromReturns_AgainstAFlatMarketOrOneDay_IsUndefined()
    {
        Assert.Equal(new MarketSensitivity(null, null), MarketSensitivity.FromReturns([0.01, 0.02, 0.03], [0.001, 0.001, 0.001]));
        Assert.Equal(new MarketSensitivity(null, null), MarketSensitivity.FromReturns([0.01], [0.02]));
    }

    [Fact]
    public void FromEquity_HandWorked_SkipsDaysTheMarketLacks()
    {
        // Strategy returns +10%, -10% (the third day has no market return); market +5%, 0%.
        // Deviations: strategy +0.1, -0.1; market +0.025, -0.025: cov 0.005, var 0.00125, beta 4;
        // alpha = (0 - 4 x 0.025) x 252 = -25.2.
        var s = MarketSensitivity.FromEquity([100, 110, 99, 50], [0.05, 0.0, double.NaN]);

        Assert.Equal(4.0, s.Beta!.Value, Tolerance);
        Assert.Equal(-25.2, s.Alpha!.Value, Tolerance);
    }

    [Fact]
    public void FromEquity_AgreesWithFromReturns()
    {
        double[] equity = [1000, 1012, 1003, 1030, 1029, 1040];
        double[] strategy = [.. Enumerable.Range(1, 5).Select(t => (equity[t] / equity[t - 1]) - 1)];

        var fromEquity = MarketSensitivity.FromEquity(equity, Market);
        var fromReturns = MarketSensitivity.FromReturns(strategy, Market);

        Assert.Equal(fromReturns.Beta!.Value, fromEquity.Beta!.Value, Tolerance);
        Assert.Equal(fromReturns.Alpha!.Value, fromEquity.Alpha!.Value, Tolerance);
    }
}
