namespace ClaudBot.Testing.FakeMarket;

/// <summary>One session's bar as traded (raw: not adjusted for any later split), the way NSE's bhavcopy prints it.</summary>
public readonly record struct FakeBar(string Symbol, DateOnly Day, double Open, double High, double Low, double Close, long Volume);
