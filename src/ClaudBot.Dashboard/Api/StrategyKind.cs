namespace ClaudBot.Dashboard.Api;

/// <summary>What a valid strategy text is: a written rule, or a list of built-in strategies.</summary>
public enum StrategyKind
{
    /// <summary>A rule in the rule language (<c>buy when ...</c>, <c>hold while ...</c>).</summary>
    Rule,

    /// <summary>A list of built-in strategies with their parameters (<c>rsi(period=7..21 step 7),macd</c>).</summary>
    Builtin,
}
