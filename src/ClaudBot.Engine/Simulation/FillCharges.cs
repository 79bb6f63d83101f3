using System.Runtime.CompilerServices;

namespace ClaudBot.Engine.Simulation;

/// <summary>
/// A <see cref="CostModel"/> folded into the few rates a fill needs: every component except brokerage is linear
/// in the value V, and brokerage min(flat, pct x V) is the one kink, so a buy's charges are
/// <c>linear x V + (1 + gst) x min(flat, pct x V)</c>. Built once per run; read only at fills.
/// </summary>
internal readonly struct FillCharges
{
    private readonly double _buyLinear;
    private readonly double _sellLinear;
    private readonly double _brokeragePercent;
    private readonly double _brokerageFlat;
    private readonly double _gstFactor;
    private readonly double _dpPerSell;

    public FillCharges(CostModel model)
    {
        // GST applies to brokerage, exchange and SEBI charges; STT, stamp duty and DP carry none of their own.
        double exchangeAndSebi = model.Exchange + (model.SebiPerCrore / 10_000_000);
        double shared = exchangeAndSebi * (1 + model.Gst);
        _buyLinear = model.SttBuy + model.StampBuy + shared;
        _sellLinear = model.SttSell + shared;
        _brokeragePercent = model.BrokeragePercent;
        _brokerageFlat = model.BrokerageFlat;
        _gstFactor = 1 + model.Gst;
        _dpPerSell = model.DpPerSell;
    }

    // bps:N without building its model (and its name) on every run of a sweep.
    private FillCharges(double rate)
    {
        _brokeragePercent = rate;
        _brokerageFlat = double.PositiveInfinity;
        _gstFactor = 1;
    }

    /// <summary>Today's model: <paramref name="bps"/> basis points of the value on each side.</summary>
    public static FillCharges Bps(double bps) => new(bps / 10_000);

    /// <summary>The charges <paramref name="settings"/> execute with: its cost model, or bps:N of its cost.</summary>
    public static FillCharges Of(SimulationSettings settings) => settings.Costs is { } model ? new FillCharges(model) : Bps(settings.CostBps);

    /// <summary>Charges of a buy of value <paramref name="value"/> rupees.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Buy(double value) => (_buyLinear * value) + (_gstFactor * Math.Min(_brokerageFlat, _brokeragePercent * value));

    /// <summary>Charges of a sell of value <paramref name="value"/> rupees, the flat DP charge included.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Sell(double value) => (_sellLinear * value) + (_gstFactor * Math.Min(_brokerageFlat, _brokeragePercent * value)) + _dpPerSell;

    /// <summary>
    /// The largest value V with V + <see cref="Buy"/>(V) within <paramref name="budget"/>. The total is the smaller of two
    /// lines (brokerage at its percentage, or at its flat cap), so it fits the budget when either line does: V is the
    /// larger of the two lines' solutions.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double MaxBuyValue(double budget)
    {
        double percentLine = budget / (1 + _buyLinear + (_gstFactor * _brokeragePercent));
        double flatLine = (budget - (_gstFactor * _brokerageFlat)) / (1 + _buyLinear);
        return Math.Max(Math.Max(percentLine, flatLine), 0);
    }

    /// <summary>
    /// The most whole shares at <paramref name="price"/> whose value plus <see cref="Buy"/> charges fit <paramref name="budget"/>
    /// (at least 0 for a budget of at least 0). The solve is exact but the division can round up to the next whole share, so
    /// the floor is checked and stepped back once if it does not fit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double WholeSharesWithin(double budget, double price)
    {
        double bought = Math.Floor(MaxBuyValue(budget) / price);
        double value = bought * price;
        return value + Buy(value) > budget ? bought - 1 : bought;
    }
}
