using ClaudBot.Engine.Indicators;
using ClaudBot.Engine.Tests.Support;

namespace ClaudBot.Engine.Tests.Indicators;

/// <summary>Every value of each indicator over RELIANCE's whole history against the independent reference.</summary>
public sealed class IndicatorReferenceTests
{
    private static readonly Engine.Data.BarSeries Reliance = TestBars.Load("RELIANCE");

    [Theory]
    [InlineData("sma", 50)]
    [InlineData("ema", 30)]
    [InlineData("rsi", 14)]
    [InlineData("roc", 10)]
    public void SingleLineIndicator_MatchesReference(string name, int period)
    {
        var expected = Reference.Series($"reliance_{name}.json", name);
        var actual = name switch
        {
            "sma" => IndicatorSeries.Sma(Reliance.Close, period),
            "ema" => IndicatorSeries.Ema(Reliance.Close, period),
            "rsi" => IndicatorSeries.Rsi(Reliance.Close, period),
            _ => IndicatorSeries.RateOfChange(Reliance.Close, period),
        };

        AssertSeries(expected, actual, name);
    }

    [Fact]
    public void Macd_MatchesReference()
    {
        var (line, signal) = IndicatorSeries.Macd(Reliance.Close, 12, 26, 9);

        AssertSeries(Reference.Series("reliance_macd.json", "macd"), line, "macd");
        AssertSeries(Reference.Series("reliance_macd.json", "signal"), signal, "signal");
    }

    [Fact]
    public void Bollinger_MatchesReference()
    {
        var (upper, middle, lower) = IndicatorSeries.Bollinger(Reliance.Close, 20, 2);

        AssertSeries(Reference.Series("reliance_bollinger.json", "upper"), upper, "upper");
        AssertSeries(Reference.Series("reliance_bollinger.json", "middle"), middle, "middle");
        AssertSeries(Reference.Series("reliance_bollinger.json", "lower"), lower, "lower");
    }

    [Fact]
    public void Atr_MatchesReference()
    {
        var atr = IndicatorSeries.Atr(Reliance.High, Reliance.Low, Reliance.Close, 14);

        AssertSeries(Reference.Series("reliance_atr.json", "atr"), atr, "atr");
    }

    private static void AssertSeries(double[] expected, double[] actual, string name)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Reference.Close(expected[i], actual[i], 1e-9, $"{name}[{i}]");
        }
    }
}
