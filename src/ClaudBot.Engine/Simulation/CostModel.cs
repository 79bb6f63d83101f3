using System.Globalization;

namespace ClaudBot.Engine.Simulation;

/// <summary>
/// What a fill costs, as data: per fill of value V (rupees), brokerage = min(<see cref="BrokerageFlat"/>,
/// <see cref="BrokeragePercent"/> x V) per order; STT = <see cref="SttBuy"/> x V or <see cref="SttSell"/> x V; exchange =
/// <see cref="Exchange"/> x V; SEBI = <see cref="SebiPerCrore"/> x V / 10^7; stamp = <see cref="StampBuy"/> x V on buys;
/// GST = <see cref="Gst"/> x (brokerage + exchange + SEBI); DP = <see cref="DpPerSell"/> per sell. No rounding. Rates are
/// fractions (0.1% = 0.001). The bundled models (bps:N, zerodha-delivery, zerodha-intraday) are files, not code.
/// </summary>
public sealed record CostModel(
    string Name,
    double BrokerageFlat,
    double BrokeragePercent,
    double SttBuy,
    double SttSell,
    double Exchange,
    double SebiPerCrore,
    double StampBuy,
    double Gst,
    double DpPerSell,
    bool WholeSharesByDefault)
{
    /// <summary>When the schedule was published or checked, and where (shown with results; null for bps:N).</summary>
    public DateOnly? EffectiveDate { get; init; }

    public string? Source { get; init; }

    /// <summary>Today's model: <paramref name="bps"/> basis points of the traded value on each side, fractional shares.</summary>
    public static CostModel Bps(double bps) => new(
        string.Create(CultureInfo.InvariantCulture, $"bps:{bps:0.########}"), double.PositiveInfinity, bps / 10_000, 0, 0, 0, 0, 0, 0, 0, false);
}
