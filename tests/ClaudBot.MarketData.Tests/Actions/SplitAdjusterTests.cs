using ClaudBot.Engine.Data;
using ClaudBot.MarketData.Actions;
using ClaudBot.MarketData.Import;
using static ClaudBot.MarketData.Tests.Support.CsvSamples;

namespace ClaudBot.MarketData.Tests.Actions;

public sealed class SplitAdjusterTests
{
    // Four days, closes 100, 102, 51, 52: a 1:2 split on the third day.
    private static BarSeries Raw() => new(
        "TCS",
        [Day(2021, 2, 1), Day(2021, 2, 2), Day(2021, 2, 3), Day(2021, 2, 4)],
        [100, 101, 50, 51],
        [104, 106, 53, 54],
        [96, 98, 49, 50],
        [100, 102, 51, 52],
        [1000, 1100, 2400, 2600]);

    [Fact]
    public void Adjust_BarsBeforeTheSplit_DividePricesAndMultiplyVolumes_OnAndAfterUnchanged()
    {
        var adjusted = SplitAdjuster.Adjust(Raw(), [new SplitEvent("TCS", new DateOnly(2021, 2, 3), 2)]);

        Assert.Equal([50d, 50.5, 50, 51], adjusted.Open);
        Assert.Equal([52d, 53, 53, 54], adjusted.High);
        Assert.Equal([48d, 49, 49, 50], adjusted.Low);
        Assert.Equal([50d, 51, 51, 52], adjusted.Close);
        Assert.Equal([2000d, 2200, 2400, 2600], adjusted.Volume);
        Assert.Same(Raw().Symbol, adjusted.Symbol);
    }

    [Fact]
    public void Adjust_TwoSplits_Compound()
    {
        var adjusted = SplitAdjuster.Adjust(Raw(), [new SplitEvent("TCS", new DateOnly(2021, 2, 2), 5), new SplitEvent("TCS", new DateOnly(2021, 2, 4), 2)]);

        Assert.Equal([10d, 51, 25.5, 52], adjusted.Close);
        Assert.Equal([10000d, 2200, 4800, 2600], adjusted.Volume);
    }

    [Fact]
    public void Adjust_SplitOnANonTradingDay_AdjustsTheBarsBeforeIt()
    {
        var adjusted = SplitAdjuster.Adjust(Raw(), [new SplitEvent("TCS", new DateOnly(2021, 2, 2).AddDays(0), 4)]);

        Assert.Equal([25d, 102, 51, 52], adjusted.Close);
    }

    [Theory]
    [InlineData(2021, 1, 15)] // before the data
    [InlineData(2021, 2, 1)] // on the first bar: nothing before it
    [InlineData(2021, 3, 1)] // after the data
    public void Adjust_SplitOutsideTheRange_ReturnsTheSameSeries(int year, int month, int day)
    {
        var raw = Raw();

        var adjusted = SplitAdjuster.Adjust(raw, [new SplitEvent("TCS", new DateOnly(year, month, day), 2)]);

        Assert.Same(raw, adjusted);
    }

    [Fact]
    public void Adjust_SplitOfAnotherSymbol_ChangesNothing()
    {
        var raw = Raw();

        Assert.Same(raw, SplitAdjuster.Adjust(raw, [new SplitEvent("INFY", new DateOnly(2021, 2, 3), 2)]));
    }

    [Fact]
    public void Adjust_DoesNotTouchTheInput()
    {
        var raw = Raw();

        SplitAdjuster.Adjust(raw, [new SplitEvent("TCS", new DateOnly(2021, 2, 3), 2)]);

        Assert.Equal([100d, 102, 51, 52], raw.Close);
    }

    [Fact]
    public void Adjust_NonPositiveRatio_IsRefusedNamingSymbolAndDate()
    {
        var e = Assert.Throws<ArgumentException>(() => SplitAdjuster.Adjust(Raw(), [new SplitEvent("TCS", new DateOnly(2021, 2, 3), 0)]));

        Assert.StartsWith("The split of TCS on 2021-02-03 has a ratio that is not a positive number.", e.Message, StringComparison.Ordinal);
    }
}
