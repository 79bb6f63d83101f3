namespace ClaudBot.Engine.Simulation;

/// <summary>How much an entry buys: all of the cash (today's behaviour), a percentage of equity at the fill, or an amount in rupees.</summary>
public enum SizingKind
{
    All,
    Percent,
    Amount,
}

/// <summary>A sizing rule: <c>all</c>, <c>pct:P</c> (P% of equity at the fill) or <c>amount:A</c> (A rupees).</summary>
public readonly record struct PositionSizing(SizingKind Kind, double Value)
{
    public static PositionSizing All => new(SizingKind.All, 0);
}
