using System.Collections.Frozen;

namespace ClaudBot.Backtesting.Market;

/// <summary>
/// The NIFTY 50 as ClaudBot knows it: the symbols an imported index series may be stored under, and the constituents
/// of the equal-weight stand-in (the 49 bundled stocks), so symbols a user imports beyond them do not dilute it.
/// </summary>
public static class Nifty50
{
    /// <summary>Symbols under which an imported NIFTY 50 series is found, directly or through an alias, in this order.</summary>
    public static IReadOnlyList<string> IndexSymbols => MarketData.Symbols.IndexSymbols.Nifty50;

    /// <summary>The constituents bundled with ClaudBot.</summary>
    public static FrozenSet<string> Constituents { get; } = FrozenSet.Create(
        StringComparer.Ordinal,
        "ADANIENT", "ADANIPORTS", "APOLLOHOSP", "ASIANPAINT", "AXISBANK", "BAJAJ-AUTO", "BAJAJFINSV", "BAJFINANCE", "BHARTIARTL",
        "BPCL", "BRITANNIA", "CIPLA", "COALINDIA", "DIVISLAB", "DRREDDY", "EICHERMOT", "GRASIM", "HCLTECH", "HDFCBANK", "HDFCLIFE",
        "HEROMOTOCO", "HINDALCO", "HINDUNILVR", "ICICIBANK", "INDUSINDBK", "INFY", "ITC", "JSWSTEEL", "KOTAKBANK", "LT", "LTIM",
        "M&M", "MARUTI", "NESTLEIND", "NTPC", "ONGC", "POWERGRID", "RELIANCE", "SBILIFE", "SBIN", "SHREECEM", "SUNPHARMA",
        "TATACONSUM", "TATASTEEL", "TCS", "TECHM", "TITAN", "ULTRACEMCO", "WIPRO");
}
