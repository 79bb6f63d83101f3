namespace ClaudBot.MarketData.Update;

/// <summary>One fetched daily bar.</summary>
internal readonly record struct DayBar(DateOnly Day, double Open, double High, double Low, double Close, double Volume);
