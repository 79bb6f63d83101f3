using ClaudBot.Engine.Data;
using ClaudBot.Engine.Strategies;

namespace ClaudBot.Engine.Portfolio;

/// <summary>
/// One symbol of a portfolio run: its bars and range, desired states and rank values over its own history, and where it
/// stands in the day loop (today's bar, its signal bar, whether it waits for a flat signal, its last close, its position).
/// </summary>
internal sealed class PortfolioLeg
{
    public PortfolioLeg(BarSeries bars, BarRange range, StrategyParameters strategy, PortfolioRanking rank)
    {
        Bars = bars;
        Range = range;
        Strategy = strategy;
        WantsLong = DesiredStates.Of(strategy, bars, range.Start, range.End);
        RankValue = rank.MomentumLookback is { } lookback ? Strength.LookbackReturn(bars.Close, lookback) : Strength.Series(strategy, bars.Close);
        NextBar = range.Start;
    }

    public BarSeries Bars { get; }

    public string Symbol => Bars.Symbol;

    public BarRange Range { get; }

    public StrategyParameters Strategy { get; }

    /// <summary>The desired state after each bar's close (indexes into <see cref="Bars"/>).</summary>
    public bool[] WantsLong { get; }

    /// <summary>The value a candidate ranks by at its signal bar (NaN = undefined).</summary>
    public double[] RankValue { get; }

    /// <summary>The next in-range bar not yet reached.</summary>
    public int NextBar { get; private set; }

    /// <summary>Today's bar, or -1 when the symbol has none today.</summary>
    public int Today { get; private set; } = -1;

    /// <summary>The previous in-range bar, whose close the day's signal comes from; -1 before the symbol's first bar.</summary>
    public int SignalBar { get; private set; } = -1;

    /// <summary>After a stop, target or trail exit or a skipped entry: not a candidate until a close wants flat.</summary>
    public bool Waiting { get; set; }

    public double LastClose { get; private set; }

    public OpenPosition? Position { get; set; }

    public bool HasBarToday => Today >= 0;

    /// <summary>Whether its signal bar wants long (false without one).</summary>
    public bool SignalLong => SignalBar >= 0 && WantsLong[SignalBar];

    /// <summary>Finds today's bar: the next in-range bar if it falls on <paramref name="dayNumber"/>.</summary>
    public void BeginDay(int dayNumber) =>
        Today = NextBar <= Range.End && Bars.Days[NextBar] == dayNumber ? NextBar : -1;

    /// <summary>Today's close: the mark, the signal seen (a flat one ends the wait), and tomorrow's signal bar.</summary>
    public void Close()
    {
        LastClose = Bars.Close[Today];
        if (!WantsLong[Today])
        {
            Waiting = false;
        }

        SignalBar = Today;
        NextBar = Today + 1;
    }
}

/// <summary>A held position: its fill, cost (value plus the buy's charges) and exit levels as the single engine keeps them.</summary>
internal sealed class OpenPosition
{
    public required DateOnly EntryDate { get; init; }

    public required double EntryPrice { get; init; }

    public required double Shares { get; init; }

    public required double Cost { get; init; }

    public required double BuyFee { get; init; }

    /// <summary>The fixed stop's level (-infinity without a stop): a stop level above it is the trail's.</summary>
    public required double FixedStop { get; init; }

    /// <summary>The higher of the fixed stop and the trail under the highest close since entry.</summary>
    public required double StopLevel { get; set; }

    public required double TargetLevel { get; init; }
}
