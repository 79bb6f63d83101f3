using System.Text;
using ClaudBot.MarketData.Import;
using ClaudBot.MarketData.Update;
using ClaudBot.Testing.FakeMarket;

namespace ClaudBot.MarketData.Tests.Update;

/// <summary>Yahoo's chart answers, built from its published layout by the fake market, read back.</summary>
public sealed class YahooChartTests
{
    private static readonly FakeMarketData Plain = new(FakeCalendar.Diwali2023(), ["TCS"], yahooNullDays: [new DateOnly(2023, 11, 14)]);

    private static readonly FakeMarketData Split = new(FakeCalendar.Diwali2023(), ["TCS"], [new FakeSplit("TCS", new DateOnly(2023, 11, 20), 2, 1)]);

    [Fact]
    public void Parse_ChartWithANullPricedHoliday_KeepsEverySessionAndCountsTheHolidayEmpty()
    {
        var chart = YahooChart.Parse(Whole(Plain), "TCS", "TCS.NS");

        Assert.Equal(Plain.Calendar.Sessions.Select(s => s.Day), chart.Bars.Select(b => b.Day));
        Assert.Equal(1, chart.EmptyDays);
        Assert.DoesNotContain(chart.Bars, b => b.Day == new DateOnly(2023, 11, 14));
        Assert.Empty(chart.Splits);
    }

    [Fact]
    public void Parse_MuhuratSessionStampedInTheEvening_IsThatSunday()
    {
        var chart = YahooChart.Parse(Whole(Plain), "TCS", "TCS.NS");

        var muhurat = Assert.Single(chart.Bars, b => b.Day.DayOfWeek == DayOfWeek.Sunday);
        Assert.Equal(new DateOnly(2023, 11, 12), muhurat.Day);
        Assert.Equal(Plain.BarOn("TCS", muhurat.Day)!.Value.Volume, muhurat.Volume);
    }

    [Fact]
    public void RawBars_WithoutASplit_AreThePricesAsTradedToThePaisa()
    {
        // Yahoo prints single-precision floats (3840.55 comes as 3840.550048828125); NSE prints paise.
        var raw = YahooChart.Parse(Whole(Plain), "TCS", "TCS.NS").RawBars();

        Assert.Equal(Plain.Bars("TCS"), raw.Select(b => AsFake("TCS", b)));
    }

    [Fact]
    public void RawBars_AfterATwoForOneSplit_UndoTheAdjustmentBeforeItAndKeepTheBarsAfter()
    {
        var chart = YahooChart.Parse(Whole(Split), "TCS", "TCS.NS");

        Assert.Equal([new SplitEvent("TCS", new DateOnly(2023, 11, 20), 2)], chart.Splits);
        Assert.Equal(Split.Bars("TCS"), chart.RawBars().Select(b => AsFake("TCS", b)));
        var before = Split.BarOn("TCS", new DateOnly(2023, 11, 17))!.Value;
        var after = Split.BarOn("TCS", new DateOnly(2023, 11, 20))!.Value;
        Assert.InRange(before.Close / after.Close, 1.8, 2.2);
    }

    [Fact]
    public void Parse_YahoosNotFoundAnswer_SaysYahooHasNoSuchTickerWithItsDescription()
    {
        var error = Assert.Throws<MarketDataException>(() => YahooChart.Parse(Encoding.UTF8.GetBytes(YahooChartJson.NotFound), "NOSUCHCO", "NOSUCHCO.NS"));

        Assert.Equal("Yahoo has no NOSUCHCO.NS: No data found, symbol may be delisted", error.Message);
    }

    [Fact]
    public void Parse_NotAChart_SaysSoInOneLine()
    {
        var error = Assert.Throws<MarketDataException>(() => YahooChart.Parse("<html>Will be right back</html>"u8.ToArray(), "TCS", "TCS.NS"));

        Assert.StartsWith("Yahoo's answer for TCS.NS is not a chart in the known layout", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    private static byte[] Whole(FakeMarketData market) =>
        YahooChartJson.Chart(market, "TCS", 0, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds());

    private static FakeBar AsFake(string symbol, DayBar bar) =>
        new(symbol, bar.Day, bar.Open, bar.High, bar.Low, bar.Close, (long)bar.Volume);
}
