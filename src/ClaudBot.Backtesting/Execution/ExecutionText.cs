using System.Globalization;
using ClaudBot.Engine.Simulation;

namespace ClaudBot.Backtesting.Execution;

/// <summary>How results say what they ran with, in words: <c>zerodha-delivery · slippage 5 bps · size pct:10 · whole shares</c>.</summary>
public static class ExecutionText
{
    public static string Describe(SimulationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Describe(ExecutionSettings.CostsName(settings), settings.SlippageBps, SizingText.Format(settings.Sizing), settings.WholeShares ?? settings.Costs?.WholeSharesByDefault ?? false);
    }

    public static string Describe(string costs, double slippageBps, string size, bool wholeShares) =>
        $"{costs} · {Fills(slippageBps, size, wholeShares)}";

    /// <summary>How fills are made, without the costs: <c>slippage 5 bps · size pct:10 · whole shares</c>.</summary>
    public static string Fills(SimulationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Fills(settings.SlippageBps, SizingText.Format(settings.Sizing), settings.WholeShares ?? settings.Costs?.WholeSharesByDefault ?? false);
    }

    private static string Fills(double slippageBps, string size, bool wholeShares) =>
        string.Create(CultureInfo.InvariantCulture, $"slippage {slippageBps:0.##} bps · size {size} · {(wholeShares ? "whole shares" : "fractional shares")}");
}
