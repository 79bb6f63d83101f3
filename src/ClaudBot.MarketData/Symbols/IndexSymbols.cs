namespace ClaudBot.MarketData.Symbols;

/// <summary>
/// The symbols a NIFTY 50 index series is kept under, in the order they are looked for: the one list the market index
/// (which finds an imported series) and the updater (which fetches it from Yahoo as <c>^NSEI</c>, and not from NSE's
/// stock bhavcopy) share.
/// </summary>
public static class IndexSymbols
{
    public static IReadOnlyList<string> Nifty50 { get; } = ["NIFTY50", "NIFTY", "NSEI"];

    public static bool IsNifty50(string symbol) => Nifty50.Contains(symbol, StringComparer.Ordinal);
}
