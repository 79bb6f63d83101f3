using ClaudBot.Engine.Indicators;

namespace ClaudBot.Engine.Tests.Indicators;

public sealed class IndicatorHandTests
{
    [Fact]
    public void Sma_OverThree_IsUndefinedThenTheWindowMean()
    {
        var sma = IndicatorSeries.Sma([2, 4, 6, 8, 12, 5], 3);

        Assert.Equal([double.NaN, double.NaN, 4, 6, 26.0 / 3, 25.0 / 3], sma);
    }

    [Fact]
    public void Ema_SeedsWithTheMeanOfTheFirstNThenSmoothsWithTwoOverNPlusOne()
    {
        // alpha = 2/(3+1) = 0.5; seed mean(2,4,6) = 4; then 4+.5*(8-4)=6; 6+.5*(12-6)=9; 9+.5*(5-9)=7.
        var ema = IndicatorSeries.Ema([2, 4, 6, 8, 12, 5], 3);

        Assert.Equal([double.NaN, double.NaN, 4, 6, 9, 7], ema);
    }

    [Fact]
    public void Rsi_MatchesTheStockChartsWilderExample()
    {
        // StockCharts ChartSchool "RSI" spreadsheet: closes and the published RSI(14) values, 2 decimals.
        double[] closes =
        [
            44.3389, 44.0902, 44.1497, 43.6124, 44.2778, 44.8264, 45.0955, 45.4245, 45.8433, 46.0826, 45.8931,
            46.0328, 45.6140, 46.2820, 46.2820, 46.0028, 46.0328, 46.4116, 46.2222, 45.6439, 46.2122, 46.2521,
            45.7137, 46.4515, 45.7835, 45.3548, 44.0288, 44.1783, 44.2181, 44.5672, 43.4205, 42.6628, 43.1314,
        ];
        double[] published =
        [
            70.53, 66.32, 66.55, 69.41, 66.36, 57.97, 62.93, 63.26, 56.06, 62.38, 54.71, 50.42, 39.99, 41.46,
            41.87, 45.46, 37.30, 33.08, 37.77,
        ];

        var rsi = IndicatorSeries.Rsi(closes, 14);

        Assert.All(rsi[..14], v => Assert.True(double.IsNaN(v)));
        Assert.Equal(published, rsi[14..].Select(v => Math.Round(v, 2)));
    }

    [Fact]
    public void Rsi_WithNoLosses_Is100()
    {
        Assert.Equal(100, IndicatorSeries.Rsi([5, 5, 5, 5], 3)[3]);
        Assert.Equal(100, IndicatorSeries.Rsi([1, 2, 3, 4, 5], 3)[4]);
    }

    [Fact]
    public void Rsi_WithOnlyLosses_Is0()
    {
        Assert.Equal(0, IndicatorSeries.Rsi([5, 4, 3, 2, 1], 3)[4]);
    }

    [Fact]
    public void Bollinger_UsesThePopulationStandardDeviation()
    {
        // mean(1,2,3,4) = 2.5; population variance = (2.25+.25+.25+2.25)/4 = 1.25.
        var (upper, middle, lower) = IndicatorSeries.Bollinger([1, 2, 3, 4], 4, 2);

        Assert.Equal(2.5, middle[3], 12);
        Assert.Equal(2.5 + (2 * Math.Sqrt(1.25)), upper[3], 12);
        Assert.Equal(2.5 - (2 * Math.Sqrt(1.25)), lower[3], 12);
        Assert.True(double.IsNaN(middle[2]));
    }

    [Fact]
    public void Atr_StartsWithTheMeanTrueRangeThenWilderSmooths()
    {
        double[] high = [10, 12, 11, 15];
        double[] low = [8, 9, 7, 11];
        double[] close = [9, 11, 8, 14];

        // TR1 = max(3, |12-9|, |9-9|) = 3; TR2 = max(4, |11-11|, |7-11|) = 4; TR3 = max(4, |15-8|, |11-8|) = 7.
        var atr = IndicatorSeries.Atr(high, low, close, 2);

        Assert.True(double.IsNaN(atr[1]));
        Assert.Equal(3.5, atr[2], 12);
        Assert.Equal(((3.5 * 1) + 7) / 2, atr[3], 12);
    }

    [Fact]
    public void RateOfChange_IsPercentChangeOverThePeriod()
    {
        var roc = IndicatorSeries.RateOfChange([100, 110, 121, 90.75], 2);

        Assert.Equal([double.NaN, double.NaN, 21, -17.5], roc.Select(v => Math.Round(v, 10)));
    }

    [Fact]
    public void Macd_SignalIsTheEmaOfTheLine()
    {
        double[] closes = [.. Enumerable.Range(0, 40).Select(i => 100 + (10 * Math.Sin(i / 3.0)))];

        var (line, signal) = IndicatorSeries.Macd(closes, 3, 6, 4);
        var fast = IndicatorSeries.Ema(closes, 3);
        var slow = IndicatorSeries.Ema(closes, 6);
        var expectedLine = fast.Zip(slow, (f, s) => f - s).ToArray();
        var expectedSignal = IndicatorSeries.Ema(expectedLine.AsSpan(5), 4);

        Assert.Equal(expectedLine, line);
        Assert.All(signal[..8], v => Assert.True(double.IsNaN(v)));
        Assert.Equal(expectedSignal, signal[5..]);
    }
}
