namespace ClaudBot.Engine.Rules.Syntax;

/// <summary>One token of rule text: its kind, its text (lower-cased for words), and where it sits (0-based index, length).</summary>
internal readonly record struct RuleToken(RuleTokenKind Kind, string Text, int Index, int Length, double Value = 0)
{
    /// <summary>The 1-based column of its first character, as errors name it.</summary>
    public int Column => Index + 1;

    public int End => Index + Length;

    public bool Is(string text) => Kind != RuleTokenKind.End && Kind != RuleTokenKind.Number && string.Equals(Text, text, StringComparison.Ordinal);
}
