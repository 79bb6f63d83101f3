using ClaudBot.Engine.Indicators;
using ClaudBot.Engine.Rules.Evaluation;
using ClaudBot.Engine.Rules.Syntax;
using ClaudBot.Engine.Tests.Support;

namespace ClaudBot.Engine.Tests.Rules;

/// <summary>Every indicator a rule can name gives exactly (==, NaN where undefined) the engine's own series on real bars.</summary>
public sealed class IndicatorNodeTests
{
    private static readonly Data.BarSeries Bars = TestBars.Load("RELIANCE");

    private static double[] Values(IndicatorKind kind, params double[] arguments)
    {
        var workspace = new RuleWorkspace();
        workspace.Begin(Bars);
        var view = new IndicatorNode(kind, arguments, new PriceNode(PriceField.Close)).Evaluate(workspace);
        return [.. Enumerable.Range(0, Bars.Count).Select(view.At)];
    }

    [Fact]
    public void MovingAveragesRsiAtrAndRoc_EqualTheEngineSeries()
    {
        var close = Bars.Close;
        Assert.Equal(IndicatorSeries.Sma(close, 20), Values(IndicatorKind.Sma, 20));
        Assert.Equal(IndicatorSeries.Ema(close, 12), Values(IndicatorKind.Ema, 12));
        Assert.Equal(IndicatorSeries.Rsi(close, 14), Values(IndicatorKind.Rsi, 14));
        Assert.Equal(IndicatorSeries.Atr(Bars.High, Bars.Low, close, 14), Values(IndicatorKind.Atr, 14));
        Assert.Equal(IndicatorSeries.RateOfChange(close, 10), Values(IndicatorKind.Roc, 10));
    }

    [Fact]
    public void MacdAndBollinger_EqualTheEngineSeries()
    {
        var (line, signal) = IndicatorSeries.Macd(Bars.Close, 12, 26, 9);
        Assert.Equal(line, Values(IndicatorKind.Macd, 12, 26));
        Assert.Equal(signal, Values(IndicatorKind.MacdSignal, 12, 26, 9));
        Assert.Equal(line.Zip(signal, (l, s) => l - s), Values(IndicatorKind.MacdHist, 12, 26, 9));

        var (upper, middle, lower) = IndicatorSeries.Bollinger(Bars.Close, 20, 2);
        Assert.Equal(upper, Values(IndicatorKind.BbUpper, 20, 2));
        Assert.Equal(middle, Values(IndicatorKind.BbMiddle, 20));
        Assert.Equal(lower, Values(IndicatorKind.BbLower, 20, 2));
    }

    [Fact]
    public void HighestAndLowest_AreTheExtremesOfTheLastNClosesIncludingTheCurrent()
    {
        var close = Bars.Close;
        var highest = Values(IndicatorKind.Highest, 20);
        var lowest = Values(IndicatorKind.Lowest, 20);
        for (int i = 0; i < Bars.Count; i++)
        {
            Assert.Equal(i < 19 ? double.NaN : close.Skip(i - 19).Take(20).Max(), highest[i]);
            Assert.Equal(i < 19 ? double.NaN : close.Skip(i - 19).Take(20).Min(), lowest[i]);
        }
    }
}
