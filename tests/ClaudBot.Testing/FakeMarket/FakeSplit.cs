namespace ClaudBot.Testing.FakeMarket;

/// <summary>A split taking effect on <paramref name="Day"/> (its ex-date): each old share becomes Numerator/Denominator shares.</summary>
public sealed record FakeSplit(string Symbol, DateOnly Day, int Numerator, int Denominator)
{
    public double Ratio => (double)Numerator / Denominator;
}
