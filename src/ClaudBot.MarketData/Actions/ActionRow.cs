using ClaudBot.MarketData.Import;

namespace ClaudBot.MarketData.Actions;

/// <summary>One good line of <c>actions.csv</c>: a split (or bonus) or a dividend, and the line it came from.</summary>
internal readonly record struct ActionRow(int LineNumber, SplitEvent? Split, DividendEvent? Dividend)
{
    public string Symbol => Split?.Symbol ?? Dividend!.Symbol;

    public DateOnly Date => Split?.Date ?? Dividend!.Date;

    /// <summary>What a later row (or the user's file) replaces: one split and one dividend per symbol and date.</summary>
    public (string Symbol, DateOnly Date, bool IsDividend) Key => (Symbol, Date, Dividend is not null);
}
