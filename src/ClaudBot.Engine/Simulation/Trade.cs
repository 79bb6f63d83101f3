namespace ClaudBot.Engine.Simulation;

/// <summary>
/// One round trip as the simulator records it, by bar index. Prices are fills (slippage included). <c>Return</c> is
/// the cash received after the sell's charges over the cash paid including the buy's charges, less 1; with bps:N
/// that is exit*(1-c) / (entry*(1+c)) - 1. <c>ProfitLoss</c> is the cash received (or marked value) minus the cash
/// spent. A trade still open at the end is marked to the last close with no exit charges (<c>IsOpen</c>); its
/// <c>Fees</c> are the buy's. <c>Fees</c> are the buy's and sell's charges in rupees.
/// </summary>
public readonly record struct Trade(
    int EntryIndex,
    double EntryPrice,
    int ExitIndex,
    double ExitPrice,
    double Return,
    double ProfitLoss,
    bool IsOpen,
    double Shares = 0,
    double Fees = 0,
    ExitReason Reason = ExitReason.Signal)
{
    /// <summary>Whether the position was held at the close of the exit bar: still open there, or sold at that close (a window's end).</summary>
    public bool HeldThroughExit => IsOpen || Reason == ExitReason.Window;
}
