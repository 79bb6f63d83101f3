using System.Globalization;
using System.Text.Json;
using ClaudBot.Engine.Simulation;

namespace ClaudBot.Engine.Tests.Support;

/// <summary>A reference case's "execution" object (exec_backtests.json, walkforward.json) as the engine's settings and exits.</summary>
internal static class ReferenceExecution
{
    public static SimulationSettings Settings(JsonElement execution) =>
        Execution(execution) with { Sizing = Sizing(execution.TryGetProperty("size", out var size) ? size.GetString()! : "all") };

    /// <summary>Charges, slippage and whole shares alone: a portfolio case's size is its own (slots, pct:P, amount:A).</summary>
    public static SimulationSettings Execution(JsonElement execution)
    {
        string costs = execution.GetProperty("costs").GetString()!;
        var model = costs switch
        {
            "zerodha-delivery" => TestCosts.ZerodhaDelivery,
            "zerodha-intraday" => TestCosts.ZerodhaIntraday,
            _ => CostModel.Bps(double.Parse(costs["bps:".Length..], CultureInfo.InvariantCulture)),
        };
        return new SimulationSettings
        {
            Costs = model,
            SlippageBps = Number(execution, "slippage_bps") ?? 0,
            WholeShares = execution.TryGetProperty("whole_shares", out var whole) ? whole.GetBoolean() : null,
        };
    }

    public static ExitRules Exits(JsonElement execution) => new(Number(execution, "stop"), Number(execution, "target"), Number(execution, "trail"));

    private static double? Number(JsonElement element, string name) => element.TryGetProperty(name, out var value) ? value.GetDouble() : null;

    private static PositionSizing Sizing(string text) => text switch
    {
        "all" => PositionSizing.All,
        _ when text.StartsWith("pct:", StringComparison.Ordinal) => new PositionSizing(SizingKind.Percent, double.Parse(text[4..], CultureInfo.InvariantCulture)),
        _ => new PositionSizing(SizingKind.Amount, double.Parse(text["amount:".Length..], CultureInfo.InvariantCulture)),
    };
}
