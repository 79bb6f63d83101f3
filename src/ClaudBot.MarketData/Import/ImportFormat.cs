namespace ClaudBot.MarketData.Import;

/// <summary>The layouts <c>claudbot data import</c> reads; <see cref="Auto"/> tells them apart from the header.</summary>
public enum ImportFormat
{
    /// <summary>Detect the layout, delimiter, date format and number style from the file.</summary>
    Auto,

    /// <summary>Yahoo Finance's download: <c>Date,Open,High,Low,Close,Adj Close,Volume</c>.</summary>
    Yahoo,

    /// <summary>Zerodha Kite's export: <c>date,open,high,low,close,volume</c>, dates with a time.</summary>
    Kite,

    /// <summary>NSE's daily bhavcopy: every symbol for one day; only the EQ series is read.</summary>
    Bhavcopy,

    /// <summary>Any CSV with a date column and open, high, low, close (volume optional) under the usual names.</summary>
    Generic,
}
