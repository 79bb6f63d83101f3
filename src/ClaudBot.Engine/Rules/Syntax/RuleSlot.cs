namespace ClaudBot.Engine.Rules.Syntax;

/// <summary>What a number in a rule stands for, which decides the values it may take.</summary>
public enum RuleSlotKind
{
    /// <summary>A constant in an expression (a level, a factor): any finite number within the parser's bound.</summary>
    Number,

    /// <summary>An indicator's bar count: a whole number from 1 to <see cref="RuleBounds.MaxPeriod"/>.</summary>
    Period,

    /// <summary>An indicator's real-valued setting, e.g. the band width k of bb_upper(n, k).</summary>
    Setting,

    /// <summary>The n of <c>series[n]</c>: a whole number from 0 to <see cref="RuleBounds.MaxLag"/>.</summary>
    Lag,

    /// <summary>An exit's distance from the entry in percent (<c>stop 5%</c>): above 0, and below 100 for a stop or trail.</summary>
    Percent,
}

/// <summary>
/// One number written in a rule: a single value, or the values of a grid (<c>2..6 step 2</c>, <c>5|10</c>) in the
/// order written. <paramref name="Column"/> is the 1-based column of its first character in the source.
/// </summary>
public sealed record RuleSlot(RuleSlotKind Kind, IReadOnlyList<double> Values, int Column)
{
    public bool IsGrid => Values.Count > 1;
}
