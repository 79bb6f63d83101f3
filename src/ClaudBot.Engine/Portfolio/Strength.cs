using ClaudBot.Engine.Indicators;
using ClaudBot.Engine.Strategies;

namespace ClaudBot.Engine.Portfolio;

/// <summary>
/// How strongly a built-in strategy signals at each bar (larger = stronger; NaN where its indicators are undefined), the
/// value a portfolio ranks candidates by. The one place that says it per strategy, from the engine's own indicators:
/// a new strategy in <see cref="StrategyCatalog.All"/> must add its case here (and its row in docs/portfolio.md).
/// </summary>
public static class Strength
{
    /// <summary>The strength of <paramref name="strategy"/> at every bar of a symbol's whole history of <paramref name="closes"/>.</summary>
    public static double[] Series(StrategyParameters strategy, double[] closes)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(closes);
        if (strategy.Rule is not null)
        {
            // A written rule has no indicator to rank by: every candidate ties and the symbol decides.
            return new double[closes.Length];
        }

        switch (strategy.Name)
        {
            case "rsi":
                {
                    // lower - RSI: how far below its buy level the RSI sits.
                    double lower = strategy["lower"];
                    var rsi = IndicatorSeries.Rsi(closes, (int)strategy["period"]);
                    return Map(closes.Length, t => lower - rsi[t]);
                }

            case "macd":
                {
                    // The histogram in units of price, so symbols at different prices compare.
                    var (line, signal) = IndicatorSeries.Macd(closes, (int)strategy["fast"], (int)strategy["slow"], (int)strategy["signal"]);
                    return Map(closes.Length, t => (line[t] - signal[t]) / closes[t]);
                }

            case "sma_cross":
                {
                    var fast = IndicatorSeries.Sma(closes, (int)strategy["fast"]);
                    var slow = IndicatorSeries.Sma(closes, (int)strategy["slow"]);
                    return Map(closes.Length, t => (fast[t] / slow[t]) - 1);
                }

            case "bollinger":
                {
                    // How far the close sits below the lower band, in units of price.
                    var (_, _, lower) = IndicatorSeries.Bollinger(closes, (int)strategy["period"], strategy["k"]);
                    return Map(closes.Length, t => (lower[t] - closes[t]) / closes[t]);
                }

            case "momentum":
                return LookbackReturn(closes, (int)strategy["lookback"]);
            case "buy_hold":
                return new double[closes.Length];
            default:
                throw new PortfolioException($"The portfolio has no strength for strategy '{strategy.Name}': rank it by momentum(N).");
        }
    }

    /// <summary>close[t] / close[t - n] - 1, the momentum strategy's own measure; NaN where t - n &lt; 0.</summary>
    public static double[] LookbackReturn(double[] closes, int lookback)
    {
        ArgumentNullException.ThrowIfNull(closes);
        return Map(closes.Length, t => t < lookback ? double.NaN : (closes[t] / closes[t - lookback]) - 1);
    }

    // NaN in an indicator stays NaN through the arithmetic: undefined in, undefined out.
    private static double[] Map(int length, Func<int, double> value)
    {
        var output = new double[length];
        for (int t = 0; t < length; t++)
        {
            output[t] = value(t);
        }

        return output;
    }
}
