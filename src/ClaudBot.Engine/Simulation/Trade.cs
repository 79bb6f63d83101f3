namespace ClaudBot.Engine.Simulation;

/// <summary>
/// One round trip as the simulator records it, by bar index. <c>Return</c> is
/// exit*(1-c) / (entry*(1+c)) - 1; <c>ProfitLoss</c> is the cash received (or marked value) minus the
/// cash spent. A trade still open at the end is marked to the last close with no exit cost
/// (<c>IsOpen</c>), so its return is last close / (entry*(1+c)) - 1.
/// </summary>
public readonly record struct Trade(int EntryIndex, double EntryPrice, int ExitIndex, double ExitPrice, double Return, double ProfitLoss, bool IsOpen);
