using ClaudBot.Engine.Simulation;

namespace ClaudBot.Engine.Tests.Support;

/// <summary>
/// The Zerodha NSE equity schedules the issue states, built in code (the bundled YAML files belong to the loader
/// and are tested there): the engine's tests check the arithmetic, not the files.
/// </summary>
internal static class TestCosts
{
    public static CostModel ZerodhaDelivery { get; } = new(
        "zerodha-delivery", BrokerageFlat: 0, BrokeragePercent: 0, SttBuy: 0.001, SttSell: 0.001, Exchange: 0.0000297,
        SebiPerCrore: 10, StampBuy: 0.00015, Gst: 0.18, DpPerSell: 15.93, WholeSharesByDefault: true);

    public static CostModel ZerodhaIntraday { get; } = new(
        "zerodha-intraday", BrokerageFlat: 20, BrokeragePercent: 0.0003, SttBuy: 0, SttSell: 0.00025, Exchange: 0.0000297,
        SebiPerCrore: 10, StampBuy: 0.00003, Gst: 0.18, DpPerSell: 0, WholeSharesByDefault: true);
}
