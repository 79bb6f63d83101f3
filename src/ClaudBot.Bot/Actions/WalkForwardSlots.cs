using ClaudBot.Cluster.Jobs;

namespace ClaudBot.Bot.Actions;

/// <summary>
/// A walk_forward phrase's slots as the job's settings: the in-sample and out-of-sample lengths (required), the step,
/// rolling or anchored windows, the objective (as written; the node resolves "return" or "drawdown") and the least
/// in-sample trades; what was not said takes <see cref="WalkForwardSettings"/>' defaults.
/// </summary>
internal static class WalkForwardSlots
{
    public static WalkForwardSettings Read(ActionContext context) =>
        new(context.Slot("in")!.Length!.Value, context.Slot("out")!.Length!.Value)
        {
            Step = context.Slot("step")?.Length,
            Anchored = context.Slot("windows")?.Choice == "anchored",
            Objective = context.Slot("objective")?.Choice ?? "sharpe",
            MinTrades = context.Slot("min_trades")?.Number ?? WalkForwardSettings.DefaultMinTrades,
        };
}
