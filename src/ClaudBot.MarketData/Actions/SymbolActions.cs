using ClaudBot.MarketData.Import;

namespace ClaudBot.MarketData.Actions;

/// <summary>The corporate actions of one symbol, each list oldest first.</summary>
public sealed record SymbolActions(IReadOnlyList<SplitEvent> Splits, IReadOnlyList<DividendEvent> Dividends)
{
    /// <summary>No actions.</summary>
    public static SymbolActions None { get; } = new([], []);
}
