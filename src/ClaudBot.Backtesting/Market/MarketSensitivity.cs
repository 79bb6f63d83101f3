namespace ClaudBot.Backtesting.Market;

/// <summary>
/// Beta and annualised alpha of a strategy's daily returns against the market's on the same days:
/// beta = cov(r_s, r_m) / var(r_m); alpha = (mean(r_s) - beta x mean(r_m)) x 252. Each is null where undefined:
/// fewer than two returns, a market that never moved (zero variance), or a return that is not a number.
/// </summary>
public readonly record struct MarketSensitivity(double? Beta, double? Alpha)
{
    private const int TradingDaysPerYear = 252;

    /// <summary>From paired daily returns (same length): <paramref name="strategy"/>[i] and <paramref name="market"/>[i] are one day.</summary>
    public static MarketSensitivity FromReturns(ReadOnlySpan<double> strategy, ReadOnlySpan<double> market)
    {
        if (strategy.Length != market.Length)
        {
            throw new ArgumentException("The strategy and market returns must pair up day by day.", nameof(market));
        }

        int n = strategy.Length;
        if (n < 2)
        {
            return default;
        }

        double meanS = 0;
        double meanM = 0;
        for (int i = 0; i < n; i++)
        {
            meanS += strategy[i];
            meanM += market[i];
        }

        meanS /= n;
        meanM /= n;

        // Two passes (deviations from the means) keep a flat series at an exact zero variance.
        double covariance = 0;
        double variance = 0;
        for (int i = 0; i < n; i++)
        {
            double dm = market[i] - meanM;
            covariance += (strategy[i] - meanS) * dm;
            variance += dm * dm;
        }

        return FromMoments(meanS, meanM, covariance, variance);
    }

    /// <summary>
    /// From a daily equity curve and the market's return between each pair of its consecutive points
    /// (<paramref name="marketReturns"/>[t - 1] pairs with equity[t] / equity[t - 1] - 1; NaN leaves that day out, see
    /// <see cref="MarketIndex.ReturnsOver"/>). One pass, allocating nothing: it runs for every grid point. Sums are
    /// taken relative to the first day's returns (shifted data), so a flat market gives an exact zero variance.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static MarketSensitivity FromEquity(ReadOnlySpan<double> equity, ReadOnlySpan<double> marketReturns)
    {
        if (marketReturns.Length != equity.Length - 1)
        {
            throw new ArgumentException("The market returns must pair up with the equity curve's daily returns.", nameof(marketReturns));
        }

        int n = 0;
        double shiftS = 0;
        double shiftM = 0;
        double sumS = 0;
        double sumM = 0;
        double sumSM = 0;
        double sumMM = 0;
        for (int t = 1; t < equity.Length; t++)
        {
            double m = marketReturns[t - 1];
            if (double.IsNaN(m))
            {
                continue;
            }

            double r = (equity[t] / equity[t - 1]) - 1;
            if (n == 0)
            {
                shiftS = r;
                shiftM = m;
            }

            double ds = r - shiftS;
            double dm = m - shiftM;
            sumS += ds;
            sumM += dm;
            sumSM += ds * dm;
            sumMM += dm * dm;
            n++;
        }

        if (n < 2)
        {
            return default;
        }

        double covariance = sumSM - (sumS * sumM / n);
        double variance = sumMM - (sumM * sumM / n);
        return FromMoments(shiftS + (sumS / n), shiftM + (sumM / n), covariance, variance);
    }

    private static MarketSensitivity FromMoments(double meanS, double meanM, double covariance, double variance)
    {
        if (!(variance > 0) || !double.IsFinite(covariance) || !double.IsFinite(variance))
        {
            return default;
        }

        double beta = covariance / variance;
        double alpha = (meanS - (beta * meanM)) * TradingDaysPerYear;
        return double.IsFinite(beta) && double.IsFinite(alpha) ? new MarketSensitivity(beta, alpha) : default;
    }
}
