using ClaudBot.Engine.Simulation;

namespace ClaudBot.Engine.Portfolio;

/// <summary>The shared account: cash, the closed trades, charges paid and value traded; fills charged as the single engine charges them.</summary>
internal sealed class PortfolioBook(double capital, FillCharges charges, ExitRules exits)
{
    // Absent exits get levels no positive price reaches, as in the single engine's loop (see Simulator).
    private readonly double _stopFactor = exits.Stop is { } stop ? 1 - stop : double.NegativeInfinity;
    private readonly double _targetFactor = exits.Target is { } target ? 1 + target : double.PositiveInfinity;
    private readonly double _trailFactor = exits.Trail is { } trail ? 1 - trail : 0;

    public double Cash { get; private set; } = capital;

    public List<PortfolioTrade> Closed { get; } = [];

    public double Fees { get; private set; }

    /// <summary>Value bought and sold, before charges.</summary>
    public double Traded { get; private set; }

    public int Held { get; private set; }

    /// <summary>Shares <paramref name="budget"/> buys at <paramref name="price"/>: 0 when it buys nothing (docs/portfolio.md, step 2).</summary>
    public double SharesFor(double budget, double price, bool wholeShares)
    {
        if (wholeShares)
        {
            return budget > 0 ? charges.WholeSharesWithin(budget, price) : 0;
        }

        // Below a rupee a fractional entry would open a position of rounding dust.
        return budget < 1 ? 0 : charges.MaxBuyValue(budget) / price;
    }

    public void Buy(PortfolioLeg leg, double price, double shares)
    {
        double value = shares * price;
        double fee = charges.Buy(value);
        Cash -= value + fee;
        Traded += value;
        double fixedStop = price * _stopFactor;
        leg.Position = new OpenPosition
        {
            EntryDate = leg.Bars.DateAt(leg.Today),
            EntryPrice = price,
            Shares = shares,
            Cost = value + fee,
            BuyFee = fee,
            FixedStop = fixedStop,
            StopLevel = fixedStop,
            TargetLevel = price * _targetFactor,
        };
        Held++;
    }

    /// <summary>Sells <paramref name="leg"/>'s position today at <paramref name="price"/> (slippage included).</summary>
    public void Sell(PortfolioLeg leg, double price, ExitReason reason)
    {
        var position = leg.Position!;
        double value = position.Shares * price;
        double fee = charges.Sell(value);
        Cash += value - fee;
        Traded += value;
        Fees += position.BuyFee + fee;
        Closed.Add(new PortfolioTrade(
            leg.Symbol, position.EntryDate, position.EntryPrice, leg.Bars.DateAt(leg.Today), price, position.Shares,
            position.BuyFee + fee, ((value - fee) / position.Cost) - 1, value - fee - position.Cost, reason));
        leg.Position = null;
        Held--;
    }

    /// <summary>
    /// Today's stop, target or trail check of a held position (the single engine's <see cref="IntrabarExit"/>): sells and
    /// returns true when one fills, else raises the trail under today's close.
    /// </summary>
    public bool CheckExits(PortfolioLeg leg, double slippage)
    {
        var position = leg.Position!;
        int bar = leg.Today;
        double open = leg.Bars.Open[bar];
        if (IntrabarExit.Reached(open, leg.Bars.High[bar], leg.Bars.Low[bar], position.StopLevel, position.TargetLevel))
        {
            double level = IntrabarExit.Level(open, leg.Bars.Low[bar], position.StopLevel, position.TargetLevel, position.FixedStop, out var reason);
            Sell(leg, level * (1 - slippage), reason);
            return true;
        }

        position.StopLevel = Math.Max(position.StopLevel, leg.Bars.Close[bar] * _trailFactor);
        return false;
    }

    /// <summary>A position still held at the end, marked at its symbol's last close with no exit charges.</summary>
    public PortfolioTrade MarkOpen(PortfolioLeg leg)
    {
        var position = leg.Position!;
        double value = position.Shares * leg.LastClose;
        Fees += position.BuyFee;
        return new PortfolioTrade(
            leg.Symbol, position.EntryDate, position.EntryPrice, leg.Range.To, leg.LastClose, position.Shares,
            position.BuyFee, (value / position.Cost) - 1, value - position.Cost, ExitReason.Open);
    }
}
