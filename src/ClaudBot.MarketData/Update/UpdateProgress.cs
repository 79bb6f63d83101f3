namespace ClaudBot.MarketData.Update;

/// <summary>How far an update is: <paramref name="Done"/> of <paramref name="Total"/> units (symbols, or days for NSE), and the one in hand.</summary>
public readonly record struct UpdateProgress(int Done, int Total, string Current);
