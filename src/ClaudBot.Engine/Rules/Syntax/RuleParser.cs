namespace ClaudBot.Engine.Rules.Syntax;

/// <summary>Parses the rule language (see docs in the README's "Writing your own strategy").</summary>
public static class RuleParser
{
    /// <summary>True when the text is meant as a rule (it starts with "buy when" or "hold while", any case): the caller parses it as one.</summary>
    public static bool LooksLikeRule(string text) => throw new NotImplementedException("rules-language helper");

    /// <summary>True for a word the language gives a meaning (a keyword, an indicator, a price field): not a name for a saved rule.</summary>
    public static bool IsReservedWord(string word) => throw new NotImplementedException("rules-language helper");

    /// <summary>Parses a rule, grids included; throws <see cref="Strategies.StrategySpecException"/> with the column, a caret line and a suggestion.</summary>
    public static RuleTemplate Parse(string text) => throw new NotImplementedException("rules-language helper");
}
