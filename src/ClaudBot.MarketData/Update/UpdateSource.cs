namespace ClaudBot.MarketData.Update;

/// <summary>Where <c>claudbot data update</c> fetches daily bars from.</summary>
public enum UpdateSource
{
    /// <summary>Yahoo Finance's chart endpoint: one request per symbol, split-adjusted prices (made raw again here).</summary>
    Yahoo,

    /// <summary>NSE's daily bhavcopy archive: one request per day for every symbol, raw prices, stocks only.</summary>
    Nse,
}
