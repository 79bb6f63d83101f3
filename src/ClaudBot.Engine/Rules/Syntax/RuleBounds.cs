namespace ClaudBot.Engine.Rules.Syntax;

/// <summary>The size limits every rule is checked against before anything runs (the safety bounds).</summary>
public static class RuleBounds
{
    public const int MaxLength = 2_000;

    /// <summary>Conditions and expressions in the tree, numbers included.</summary>
    public const int MaxNodes = 200;

    public const int MaxLag = 5_000;

    public const int MaxPeriod = 5_000;
}
